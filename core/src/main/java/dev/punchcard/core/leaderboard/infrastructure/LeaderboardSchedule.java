package dev.punchcard.core.leaderboard.infrastructure;

import java.time.Duration;
import java.util.List;

import dev.punchcard.core.leaderboard.application.AwardWeeklyTop;
import dev.punchcard.core.leaderboard.application.WeekAward;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Looks every {@code checkEvery} for closed weeks to award; the first instance to look
 * after a close awards the week, the others find it claimed. A {@link PeriodicWork}.
 */
class LeaderboardSchedule extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(LeaderboardSchedule.class);

	private final AwardWeeklyTop award;

	LeaderboardSchedule(AwardWeeklyTop award, Duration every) {
		super(every, every);
		this.award = award;
	}

	@Override
	protected Mono<List<WeekAward>> tick() {
		return this.award.awardDue()
			.doOnNext((award) -> log.info("weekly top: {}", award))
			.collectList()
			.onErrorResume((error) -> {
				log.warn("awarding the weekly top failed; trying again in {}", every(), error);
				return Mono.empty();
			});
	}

}
