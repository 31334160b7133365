package dev.punchcard.core.leaderboard.application;

import java.util.List;

import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.shared.domain.Points;

/**
 * A week's leaderboard as staff see it.
 *
 * @param week the week
 * @param state whether it is still running, closed or awarded
 * @param places the winning places so far (or, once awarded, as awarded), best first
 */
public record LeaderboardView(Week week, State state, List<Place> places) {

	public LeaderboardView {
		places = List.copyOf(places);
	}

	/** Where the week is. */
	public enum State {

		/** It has not closed yet: standings so far. */
		IN_PROGRESS,
		/**
		 * It closed but was not awarded (yet, or ever: it closed before the start point):
		 * standings at the close.
		 */
		CLOSED,
		/**
		 * Its prizes were credited: the awarded result, which later refunds do not
		 * change.
		 */
		AWARDED

	}

	/**
	 * A winning place.
	 *
	 * @param standing the member there
	 * @param prize the points the place wins (or won)
	 */
	public record Place(Standing standing, Points prize) {
	}

}
