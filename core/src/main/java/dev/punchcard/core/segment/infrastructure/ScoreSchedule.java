package dev.punchcard.core.segment.infrastructure;

import java.time.Duration;

import dev.punchcard.core.segment.application.RecomputeScores;
import dev.punchcard.core.segment.application.ScoreRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks every {@code checkEvery} for the scheduled recompute of the current period; the
 * first instance to ask in a period runs it, the others find it done. The one place in
 * {@code core} that subscribes by itself: a background loop with a lifecycle, stopped
 * before the connection pools close.
 */
class ScoreSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ScoreSchedule.class);

	private final RecomputeScores recompute;

	private final Duration every;

	private volatile Disposable loop;

	ScoreSchedule(RecomputeScores recompute, Duration every) {
		this.recompute = recompute;
		this.every = every;
	}

	@Override
	public void start() {
		this.loop = Flux.interval(this.every, this.every, Schedulers.single())
			.onBackpressureDrop()
			.concatMap((tick) -> runOnce(), 1)
			.subscribe();
	}

	/** One tick; completes whatever happened, logging failures. */
	Mono<ScoreRun> runOnce() {
		return this.recompute.recompute(new RecomputeScores.Trigger.Scheduled())
			.doOnNext((run) -> log.debug("scheduled score recompute: {}", run))
			.onErrorResume((error) -> {
				log.warn("scheduled score recompute failed; trying again in {}", this.every, error);
				return Mono.empty();
			});
	}

	@Override
	public void stop() {
		Disposable running = this.loop;
		if (running != null) {
			running.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable running = this.loop;
		return running != null && !running.isDisposed();
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

}
