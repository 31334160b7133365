package dev.punchcard.core.points.domain;

import java.util.Objects;

/**
 * A tier of the program: reached from a rolling net spend, it multiplies the points
 * earned.
 *
 * @param name upper-case name, e.g. {@code SILVER}
 * @param thresholdMinor net spend over the rolling window, in minor units, from which the
 * tier applies
 * @param multiplierPercent points multiplier in percent (100 = ×1, 150 = ×1.5)
 */
public record Tier(String name, long thresholdMinor, int multiplierPercent) {

	public Tier {
		Objects.requireNonNull(name, "name");
		if (!name.matches("[A-Z][A-Z0-9_]{0,31}")) {
			throw new IllegalArgumentException("tier name must be upper-case letters, digits or _: " + name);
		}
		if (thresholdMinor < 0) {
			throw new IllegalArgumentException("tier threshold must not be negative: " + name);
		}
		if (multiplierPercent < 100 || multiplierPercent > 1000) {
			throw new IllegalArgumentException("tier multiplier must be between 100 and 1000 percent: " + name);
		}
	}

}
