package dev.punchcard.core.leaderboard.domain;

import java.util.List;

import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * A week's standings as one member sees them.
 *
 * @param week the week
 * @param top the winning places' standings so far, best first
 * @param mine the member's own standing, or null when they have no net spend in the week
 * @param climb what they need to move up
 */
public record MemberStanding(Week week, List<Standing> top, @Nullable Standing mine, Climb climb) {

	public MemberStanding {
		top = List.copyOf(top);
	}

	/** The member's id when they rank, else null. */
	public @Nullable CustomerId mineId() {
		return (this.mine != null) ? this.mine.customerId() : null;
	}

	/**
	 * The member's view from the standings the store answered: the winning places, and
	 * possibly the member and the one right above them.
	 */
	public static MemberStanding of(Week week, int places, List<Standing> standings, CustomerId member) {
		List<Standing> top = standings.stream().filter((standing) -> standing.place() <= places).toList();
		Standing mine = standings.stream()
			.filter((standing) -> standing.customerId().equals(member))
			.findFirst()
			.orElse(null);
		Standing above = (mine == null) ? null
				: standings.stream()
					.filter((standing) -> standing.place() == mine.place() - 1)
					.findFirst()
					.orElse(null);
		return new MemberStanding(week, top, mine, Climb.of(top, places, mine, above));
	}

}
