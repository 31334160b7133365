package dev.punchcard.core.points.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

import dev.punchcard.core.shared.domain.Points;
import org.jspecify.annotations.Nullable;

/**
 * When points earned now expire: {@code after} the day they were earned, at the end of
 * that day (UTC), or never. A lot is stamped with its expiry when it is written, so a
 * change of policy affects only the points earned after it.
 *
 * @param after how long points last, or null for never
 */
public record ExpiryPolicy(@Nullable Period after) {

	public ExpiryPolicy {
		if (after != null && (after.isNegative() || after.isZero())) {
			throw new IllegalArgumentException("points must last a positive period: " + after);
		}
	}

	/** Points never expire. */
	public static ExpiryPolicy never() {
		return new ExpiryPolicy(null);
	}

	/**
	 * The instant the points of an entry written at {@code at} expire: the start of the
	 * UTC day after the day {@code after} the day of {@code at}, so points earned on 2
	 * Dec 2026 under twelve months last all through 2 Dec 2027. Null for an entry that
	 * takes points (it consumes lots, it is none) and when points never expire.
	 */
	public @Nullable Instant expiresAt(Points delta, Instant at) {
		if (this.after == null || delta.value() <= 0) {
			return null;
		}
		LocalDate lastDay = LocalDate.ofInstant(at, ZoneOffset.UTC).plus(this.after);
		return lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
