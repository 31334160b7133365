package dev.punchcard.core.leaderboard.domain;

import java.util.List;

import dev.punchcard.core.shared.domain.Points;

/**
 * The points each winning place gets: the first amount for place 1, and so on; as many
 * places win as there are amounts.
 *
 * @param amounts one positive amount per place, at least one
 */
public record Prizes(List<Long> amounts) {

	public Prizes {
		amounts = List.copyOf(amounts);
		if (amounts.isEmpty()) {
			throw new IllegalArgumentException("at least one place must win a prize");
		}
		for (long amount : amounts) {
			if (amount <= 0) {
				throw new IllegalArgumentException("every prize must be positive: " + amounts);
			}
		}
	}

	/** How many places win. */
	public int places() {
		return this.amounts.size();
	}

	/** The points of the place, or zero beyond the winning places. */
	public Points forPlace(int place) {
		return (place >= 1 && place <= this.amounts.size()) ? Points.of(this.amounts.get(place - 1)) : Points.ZERO;
	}

}
