package dev.punchcard.core.analytics.infrastructure;

import java.time.Duration;

import dev.punchcard.core.analytics.application.AnalyticsRollups;
import dev.punchcard.core.analytics.application.RollupRun;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs the rollup job every {@code rollupEvery}; an instance that finds another one
 * rolling up skips its turn. A {@link PeriodicWork}.
 */
class RollupSchedule extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(RollupSchedule.class);

	private final AnalyticsRollups rollups;

	RollupSchedule(AnalyticsRollups rollups, Duration every) {
		super(every, every);
		this.rollups = rollups;
	}

	@Override
	protected Mono<RollupRun> tick() {
		return this.rollups.rollUp()
			.doOnNext((run) -> log.debug("analytics rollup: {}", run))
			.onErrorResume((error) -> {
				log.warn("the analytics rollup failed; trying again in {}", every(), error);
				return Mono.empty();
			});
	}

}
