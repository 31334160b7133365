package dev.punchcard.core.leaderboard.application;

import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Members' net spend in a week, ranked by
 * {@link dev.punchcard.core.leaderboard.domain.Ranking}: the purchases recorded in the
 * week, less the refunds of those purchases made before the week closed (a refund of an
 * earlier week's purchase, or one made after the close, does not count). Only active
 * members with a positive net spend rank.
 */
public interface WeeklySpend {

	/**
	 * Emits the first {@code places} standings, best first, and, for a {@code member},
	 * also their own standing and the one right above it (each standing once); empty when
	 * nobody spent.
	 */
	Flux<Standing> standings(Week week, int places, @Nullable CustomerId member);

}
