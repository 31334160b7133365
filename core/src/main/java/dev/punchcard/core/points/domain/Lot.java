package dev.punchcard.core.points.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Points a positive ledger entry added, and when they expire.
 *
 * @param points the entry's delta, positive
 * @param expiresAt when they expire, or null for never
 */
public record Lot(long points, @Nullable Instant expiresAt) {

	public Lot {
		if (points <= 0) {
			throw new IllegalArgumentException("a lot holds a positive number of points: " + points);
		}
	}

}
