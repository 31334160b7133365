package dev.punchcard.core.leaderboard.infrastructure;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;

import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.leaderboard.application.AwardWeek;
import dev.punchcard.core.leaderboard.application.AwardWeeklyTop;
import dev.punchcard.core.leaderboard.application.LeaderboardWeeks;
import dev.punchcard.core.leaderboard.application.ShowLeaderboard;
import dev.punchcard.core.leaderboard.application.ShowStanding;
import dev.punchcard.core.leaderboard.application.WeeklySpend;
import dev.punchcard.core.leaderboard.domain.Prizes;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.infrastructure.ProgramProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class LeaderboardConfiguration {

	@Bean
	WeekSchedule weekSchedule(LeaderboardProperties properties, ProgramProperties program) {
		ZoneId zone = properties.timeZone().isEmpty() ? program.timeZone() : ZoneId.of(properties.timeZone());
		return new WeekSchedule(properties.closeDay(), LocalTime.parse(properties.closeTime()), zone);
	}

	@Bean
	Prizes weeklyPrizes(LeaderboardProperties properties) {
		return new Prizes(properties.prizes());
	}

	@Bean
	WeeklySpend weeklySpend(DatabaseClient db) {
		return new R2dbcWeeklySpend(db);
	}

	@Bean
	LeaderboardWeeks leaderboardWeeks(DatabaseClient db) {
		return new R2dbcLeaderboardWeeks(db);
	}

	@Bean
	AwardWeek awardWeek(LeaderboardWeeks weeks, WeeklySpend spend, PointsLedger ledger, Notifications notifications,
			Prizes prizes) {
		return new AwardWeek(weeks, spend, ledger, notifications, prizes);
	}

	@Bean
	AwardWeeklyTop awardWeeklyTop(WeekSchedule schedule, LeaderboardWeeks weeks, AwardWeek awardWeek, Clock clock) {
		return new AwardWeeklyTop(schedule, weeks, awardWeek, clock);
	}

	@Bean
	ShowLeaderboard showLeaderboard(WeekSchedule schedule, WeeklySpend spend, LeaderboardWeeks weeks, Prizes prizes,
			Clock clock) {
		return new ShowLeaderboard(schedule, spend, weeks, prizes, clock);
	}

	@Bean
	ShowStanding showStanding(WeekSchedule schedule, WeeklySpend spend, Customers customers, Prizes prizes,
			Clock clock) {
		return new ShowStanding(schedule, spend, customers, prizes, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "punchcard.leaderboard.scheduled", havingValue = "true", matchIfMissing = true)
	LeaderboardSchedule leaderboardSchedule(AwardWeeklyTop award, LeaderboardProperties properties) {
		return new LeaderboardSchedule(award, properties.checkEvery());
	}

}
