package dev.punchcard.core.chat.application;

/**
 * How far a sent message got. Statuses only move forward: {@code ACCEPTED} (the platform
 * took it) &lt; {@code SENT} &lt; {@code DELIVERED} &lt; {@code READ}; {@code FAILED} is
 * final.
 */
public enum DeliveryStatus {

	ACCEPTED, SENT, DELIVERED, READ, FAILED;

	/**
	 * The order in which statuses may follow each other (FAILED last: nothing follows
	 * it).
	 */
	public int rank() {
		return ordinal();
	}

}
