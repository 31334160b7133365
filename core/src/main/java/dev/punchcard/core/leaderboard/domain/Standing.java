package dev.punchcard.core.leaderboard.domain;

import java.time.Instant;
import java.util.Objects;

import dev.punchcard.core.shared.domain.CustomerId;

/**
 * A member's place in a week.
 *
 * @param place 1 for the first; places are distinct (ties are broken, see
 * {@link Ranking})
 * @param customerId the member
 * @param name their name shortened for others to see ({@link ShortName})
 * @param netMinor their net spend in the week, in minor units
 * @param reachedAt when their running net spend in the week first reached that total
 */
public record Standing(int place, CustomerId customerId, String name, long netMinor, Instant reachedAt) {

	public Standing {
		Objects.requireNonNull(customerId, "customerId");
		if (place < 1) {
			throw new IllegalArgumentException("places start at 1: " + place);
		}
	}

}
