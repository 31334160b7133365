package dev.punchcard.core.leaderboard.application;

import java.util.List;

import dev.punchcard.core.leaderboard.domain.Week;

/** What awarding one closed week did. */
public sealed interface WeekAward {

	/** The week. */
	Week week();

	/** The week's prizes were credited to its winners (none when nobody spent). */
	record Awarded(Week week, List<Winner> winners) implements WeekAward {

		public Awarded {
			winners = List.copyOf(winners);
		}

	}

	/** The week was awarded before (by this or another instance); nothing was written. */
	record AlreadyAwarded(Week week) implements WeekAward {
	}

}
