package dev.punchcard.core.broadcast.domain;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily window, in the broadcast's time zone, in which it sends nothing: from
 * {@code from} (included) to {@code until} (excluded), across midnight when {@code until}
 * is earlier (22:00 to 08:00).
 */
public record QuietHours(LocalTime from, LocalTime until) {

	public QuietHours {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(until, "until");
		if (from.equals(until)) {
			throw new IllegalArgumentException("quiet hours must not start and end at the same time: " + from);
		}
	}

	/** Whether the local time falls in the window. */
	public boolean contains(LocalTime time) {
		if (this.from.isBefore(this.until)) {
			return !time.isBefore(this.from) && time.isBefore(this.until);
		}
		return !time.isBefore(this.from) || time.isBefore(this.until);
	}

}
