package dev.punchcard.core.leaderboard.application;

import java.time.Clock;

import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.leaderboard.domain.MemberStanding;
import dev.punchcard.core.leaderboard.domain.Prizes;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * The running week's standings as one member sees them: the winning places so far, their
 * own place and what they need to climb.
 */
public class ShowStanding {

	private final WeekSchedule schedule;

	private final WeeklySpend spend;

	private final Customers customers;

	private final Prizes prizes;

	private final Clock clock;

	public ShowStanding(WeekSchedule schedule, WeeklySpend spend, Customers customers, Prizes prizes, Clock clock) {
		this.schedule = schedule;
		this.spend = spend;
		this.customers = customers;
		this.prizes = prizes;
		this.clock = clock;
	}

	/**
	 * Emits the member's view of the running week, or completes empty for an unknown
	 * member; never errors for business reasons.
	 */
	public Mono<MemberStanding> of(CustomerId member) {
		return this.customers.findById(member).flatMap((found) -> standingOf(member));
	}

	private Mono<MemberStanding> standingOf(CustomerId member) {
		Week week = this.schedule.weekAt(this.clock.instant());
		return this.spend.standings(week, this.prizes.places(), member)
			.collectList()
			.map((standings) -> MemberStanding.of(week, this.prizes.places(), standings, member));
	}

}
