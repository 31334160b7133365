package dev.punchcard.core.broadcast.domain;

/**
 * What became of one recipient's message. Once sent, the platform's later statuses only
 * move it up by {@link #rank()}: a late "delivered" never undoes "read", and "failed" is
 * final.
 */
public enum RecipientState {

	QUEUED(0), SENDING(0), SENT(1), DELIVERED(2), READ(3), FAILED(4), SKIPPED(0), CANCELLED(0);

	private final int rank;

	RecipientState(int rank) {
		this.rank = rank;
	}

	/** The order of the states a sent message reports (0 before it is sent). */
	public int rank() {
		return this.rank;
	}

	/** Whether a message in this state still waits to be sent. */
	public boolean remaining() {
		return this == QUEUED || this == SENDING;
	}

}
