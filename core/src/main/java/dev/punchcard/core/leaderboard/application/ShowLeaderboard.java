package dev.punchcard.core.leaderboard.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import dev.punchcard.core.leaderboard.application.LeaderboardView.Place;
import dev.punchcard.core.leaderboard.application.LeaderboardView.State;
import dev.punchcard.core.leaderboard.domain.Prizes;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A week's leaderboard for staff: the running week's standings so far, a closed week's
 * awarded result (or its standings at the close while it is not awarded).
 */
public class ShowLeaderboard {

	private final WeekSchedule schedule;

	private final WeeklySpend spend;

	private final LeaderboardWeeks weeks;

	private final Prizes prizes;

	private final Clock clock;

	public ShowLeaderboard(WeekSchedule schedule, WeeklySpend spend, LeaderboardWeeks weeks, Prizes prizes,
			Clock clock) {
		this.schedule = schedule;
		this.spend = spend;
		this.weeks = weeks;
		this.prizes = prizes;
		this.clock = clock;
	}

	/**
	 * Emits the leaderboard of the week the day belongs to (the running week when null);
	 * never errors for business reasons.
	 */
	public Mono<LeaderboardView> of(@Nullable LocalDate day) {
		Instant now = this.clock.instant();
		Week week = (day != null) ? this.schedule.weekOf(day) : this.schedule.weekAt(now);
		if (!week.closedAt(now)) {
			return view(week, State.IN_PROGRESS, this.spend.standings(week, this.prizes.places(), null));
		}
		return this.weeks.isAwarded(week)
			.flatMap((awarded) -> awarded ? view(week, State.AWARDED, this.weeks.winnersOf(week))
					: view(week, State.CLOSED, this.spend.standings(week, this.prizes.places(), null)));
	}

	private Mono<LeaderboardView> view(Week week, State state, Flux<Standing> standings) {
		return standings.filter((standing) -> standing.place() <= this.prizes.places())
			.map((standing) -> new Place(standing, this.prizes.forPlace(standing.place())))
			.collectList()
			.map((places) -> new LeaderboardView(week, state, places));
	}

}
