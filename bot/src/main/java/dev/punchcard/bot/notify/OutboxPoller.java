package dev.punchcard.bot.notify;

import java.time.Duration;

import dev.punchcard.core.notification.application.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Polls the outbox and hands due notifications to the dispatcher. This is the one
 * documented place in {@code bot} that subscribes by itself: a background loop with a
 * lifecycle, stopped before the connection pools close.
 */
class OutboxPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

	private static final int BATCH = 50;

	private static final int PARALLEL = 8;

	private static final Duration LEASE = Duration.ofSeconds(60);

	private final OutboxRelay relay;

	private final NotificationDispatcher dispatcher;

	private final Duration every;

	private final boolean enabled;

	private volatile Disposable loop;

	OutboxPoller(OutboxRelay relay, NotificationDispatcher dispatcher, Duration every, boolean enabled) {
		this.relay = relay;
		this.dispatcher = dispatcher;
		this.every = every;
		this.enabled = enabled;
	}

	@Override
	public void start() {
		if (!this.enabled) {
			log.info("No chat channel is configured: notifications wait in the outbox");
			return;
		}
		this.loop = Flux.interval(Duration.ZERO, this.every, Schedulers.single())
			.onBackpressureDrop()
			.concatMap((tick) -> drainOnce(), 1)
			.subscribe();
	}

	/**
	 * Claims and delivers one batch; completes when all of it is settled. Visible for
	 * tests.
	 */
	Mono<Void> drainOnce() {
		return this.relay.claimDue(BATCH, LEASE)
			.flatMap(this.dispatcher::deliver, PARALLEL)
			.then()
			.onErrorResume((error) -> {
				log.warn("outbox poll failed; trying again in {}", this.every, error);
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
		// stop before the web server and database pools (default phase Integer.MAX_VALUE
		// - 1 and lower)
		return Integer.MAX_VALUE - 100;
	}

}
