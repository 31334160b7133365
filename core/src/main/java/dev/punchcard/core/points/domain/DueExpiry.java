package dev.punchcard.core.points.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Points of a member that expire (or expired) at one instant.
 *
 * @param at when they expire
 * @param points how many, positive
 */
public record DueExpiry(Instant at, long points) {

	public DueExpiry {
		if (points <= 0) {
			throw new IllegalArgumentException("an expiry takes a positive number of points: " + points);
		}
	}

	/** The last day (UTC) the points can still be spent. */
	public LocalDate lastDay() {
		return LocalDate.ofInstant(this.at.minusNanos(1), ZoneOffset.UTC);
	}

}
