package dev.punchcard.core.shared.background;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * A background loop with a lifecycle: one {@link #tick()} after {@code firstAfter}, then
 * one every {@code every}, never two at once (a tick still running when the next is due
 * makes that one drop). Stopped before the web server and the connection pools, so no
 * tick runs on a closing pool. A tick completes whatever happened: it logs its own
 * failures.
 */
public abstract class PeriodicWork implements SmartLifecycle {

	private final Duration firstAfter;

	private final Duration every;

	private volatile @Nullable Disposable loop;

	protected PeriodicWork(Duration firstAfter, Duration every) {
		this.firstAfter = firstAfter;
		this.every = every;
	}

	/** One round of the work; must not error. */
	protected abstract Mono<?> tick();

	/** How long between ticks. */
	protected Duration every() {
		return this.every;
	}

	@Override
	public void start() {
		this.loop = Flux.interval(this.firstAfter, this.every, Schedulers.single())
			.onBackpressureDrop()
			.concatMap((tick) -> tick(), 1)
			.subscribe();
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
		// stop before the web server and database pools (default phase Integer.MAX_VALUE
		// - 1 and lower)
		return Integer.MAX_VALUE - 100;
	}

}
