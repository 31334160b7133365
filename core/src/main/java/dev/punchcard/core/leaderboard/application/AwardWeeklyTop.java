package dev.punchcard.core.leaderboard.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import reactor.core.publisher.Flux;

/**
 * Awards every closed week that has not been awarded since the start point, oldest first,
 * each in its own transaction ({@link AwardWeek}): a week missed while the service was
 * down is awarded on the next run. The start point is recorded by the first run ever: the
 * close of the week that run falls in, so a fresh install never awards the weeks before
 * it.
 */
public class AwardWeeklyTop {

	private final WeekSchedule schedule;

	private final LeaderboardWeeks weeks;

	private final AwardWeek awardWeek;

	private final Clock clock;

	public AwardWeeklyTop(WeekSchedule schedule, LeaderboardWeeks weeks, AwardWeek awardWeek, Clock clock) {
		this.schedule = schedule;
		this.weeks = weeks;
		this.awardWeek = awardWeek;
		this.clock = clock;
	}

	/**
	 * Emits what happened to each due week (empty when none is due); errors only for
	 * infrastructure failures, after the weeks before the failing one were awarded.
	 */
	public Flux<WeekAward> awardDue() {
		Instant now = this.clock.instant();
		return this.weeks.startPoint(this.schedule.nextCloseAfter(now))
			.flatMapMany((firstEnd) -> dueWeeks(firstEnd, now))
			.concatMap((week) -> this.awardWeek.award(week, now));
	}

	private Flux<Week> dueWeeks(Instant firstEnd, Instant now) {
		List<Week> closed = this.schedule.closedBetween(firstEnd, now);
		if (closed.isEmpty()) {
			return Flux.empty();
		}
		return this.weeks.awardedSince(closed.get(0).start())
			.collect(HashSet<Instant>::new, HashSet::add)
			.flatMapIterable((awarded) -> closed.stream().filter((week) -> !awarded.contains(week.start())).toList());
	}

}
