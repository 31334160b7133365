package dev.punchcard.bot.telegram;

/**
 * A rate with a burst, as the generic cell rate algorithm: each send is given the
 * earliest time that keeps the rate, and up to {@code burst} sends may go at once after a
 * quiet spell. Times are nanoseconds on one clock. Thread-safe.
 */
final class SendSchedule {

	private final long interval;

	private final long tolerance;

	/** The theoretical time the next send would be due at the steady rate. */
	private long due;

	SendSchedule(double perSecond, int burst, long now) {
		this.interval = (long) (1_000_000_000L / perSecond);
		this.tolerance = this.interval * (burst - 1);
		this.due = now;
	}

	/** Reserves a send at or after {@code at}; returns the time it may go. */
	synchronized long reserve(long at) {
		long start = Math.max(at, this.due - this.tolerance);
		this.due = Math.max(this.due, start) + this.interval;
		return start;
	}

	/** Gives back the latest reservation (a send that will not happen). */
	synchronized void release() {
		this.due -= this.interval;
	}

	/**
	 * Whether the schedule is back to its initial state, so forgetting it changes
	 * nothing.
	 */
	synchronized boolean idleAt(long now) {
		return this.due <= now;
	}

}
