package dev.punchcard.bot.notify;

import java.time.Duration;

import dev.punchcard.core.notification.application.OutboxRelay;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Polls the outbox and hands due notifications to the dispatcher. This is the one
 * documented place in {@code bot} that subscribes by itself: a background loop with a
 * lifecycle ({@link PeriodicWork}), stopped before the connection pools close.
 */
class OutboxPoller extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

	private static final int BATCH = 50;

	private static final int PARALLEL = 8;

	private static final Duration LEASE = Duration.ofSeconds(60);

	private final OutboxRelay relay;

	private final NotificationDispatcher dispatcher;

	private final boolean enabled;

	OutboxPoller(OutboxRelay relay, NotificationDispatcher dispatcher, Duration every, boolean enabled) {
		super(Duration.ZERO, every);
		this.relay = relay;
		this.dispatcher = dispatcher;
		this.enabled = enabled;
	}

	@Override
	public void start() {
		if (!this.enabled) {
			log.info("No chat channel is configured: notifications wait in the outbox");
			return;
		}
		super.start();
	}

	@Override
	protected Mono<Void> tick() {
		return drainOnce();
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
				log.warn("outbox poll failed; trying again in {}", every(), error);
				return Mono.empty();
			});
	}

}
