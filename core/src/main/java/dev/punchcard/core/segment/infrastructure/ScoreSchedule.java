package dev.punchcard.core.segment.infrastructure;

import java.time.Duration;

import dev.punchcard.core.segment.application.RecomputeScores;
import dev.punchcard.core.segment.application.ScoreRun;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Asks every {@code checkEvery} for the scheduled recompute of the current period; the
 * first instance to ask in a period runs it, the others find it done. A
 * {@link PeriodicWork}: a background loop with a lifecycle, stopped before the connection
 * pools close.
 */
class ScoreSchedule extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(ScoreSchedule.class);

	private final RecomputeScores recompute;

	ScoreSchedule(RecomputeScores recompute, Duration every) {
		super(every, every);
		this.recompute = recompute;
	}

	@Override
	protected Mono<ScoreRun> tick() {
		return runOnce();
	}

	/** One tick; completes whatever happened, logging failures. */
	Mono<ScoreRun> runOnce() {
		return this.recompute.recompute(new RecomputeScores.Trigger.Scheduled())
			.doOnNext((run) -> log.debug("scheduled score recompute: {}", run))
			.onErrorResume((error) -> {
				log.warn("scheduled score recompute failed; trying again in {}", every(), error);
				return Mono.empty();
			});
	}

}
