package dev.punchcard.core.leaderboard.application;

import java.time.Instant;

import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.shared.domain.Points;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The weeks already awarded, their winners, and where awarding starts. */
public interface LeaderboardWeeks {

	/**
	 * Records {@code firstWeekEnd} as the close of the first week to award unless a start
	 * point exists already, and emits the stored one.
	 */
	Mono<Instant> startPoint(Instant firstWeekEnd);

	/** Emits the start of every awarded week that starts at or after {@code from}. */
	Flux<Instant> awardedSince(Instant from);

	/**
	 * Claims the week for awarding in the caller's transaction: emits true for the one
	 * caller that claims it, false when it was awarded already (a concurrent claim waits
	 * for the other transaction and then answers false, or true if that one rolled back).
	 */
	Mono<Boolean> claim(Week week, Instant at);

	/** Records a winner of a claimed week, in the caller's transaction. */
	Mono<Void> recordWinner(Week week, Standing winner, Points points);

	/** Emits the winners of an awarded week, best first; empty if it was not awarded. */
	Flux<Standing> winnersOf(Week week);

	/** Emits whether the week was awarded. */
	Mono<Boolean> isAwarded(Week week);

}
