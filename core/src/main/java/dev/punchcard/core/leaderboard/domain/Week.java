package dev.punchcard.core.leaderboard.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One leaderboard week: the half-open interval {@code [start, end)}, the 7 days before a
 * close.
 *
 * @param startDate the local date of its start in the program's zone: the week's name
 * (references such as {@code weekly-top:2026-11-29})
 * @param start its first instant
 * @param end its close, the first instant after it
 */
public record Week(LocalDate startDate, Instant start, Instant end) {

	public Week {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("a week must end after it starts: " + start + " .. " + end);
		}
	}

	/** Whether the instant lies in the week. */
	public boolean contains(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

	/** Whether the week has closed at that instant. */
	public boolean closedAt(Instant now) {
		return !now.isBefore(this.end);
	}

}
