package dev.punchcard.core.leaderboard.application;

import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.shared.domain.Points;

/**
 * A winning place of a week.
 *
 * @param standing the member's standing at the close
 * @param points the points they got
 * @param balance their balance after the prize
 */
public record Winner(Standing standing, Points points, Points balance) {

}
