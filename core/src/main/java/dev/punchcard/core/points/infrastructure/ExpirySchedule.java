package dev.punchcard.core.points.infrastructure;

import java.time.Duration;

import dev.punchcard.core.points.application.ExpirePoints;
import dev.punchcard.core.points.application.WarnOfExpiry;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every {@code checkEvery}: queues the warnings now due, then expires the points now due.
 * Any number of instances may do so at once: each warning is queued once (its outbox
 * key), each lot expired once (the account lock and the entry's unique source). A
 * {@link PeriodicWork}, stopped before the connection pools close.
 */
class ExpirySchedule extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(ExpirySchedule.class);

	private final WarnOfExpiry warn;

	private final ExpirePoints expire;

	ExpirySchedule(WarnOfExpiry warn, ExpirePoints expire, Duration every) {
		super(Duration.ofSeconds(10), every);
		this.warn = warn;
		this.expire = expire;
	}

	@Override
	protected Mono<?> tick() {
		return runOnce();
	}

	/** One tick; completes whatever happened, logging failures. */
	Mono<Void> runOnce() {
		Mono<Void> warnings = this.warn.warn()
			.doOnNext((queued) -> log.debug("points expiry warnings queued: {}", queued))
			.onErrorResume((error) -> {
				log.warn("points expiry warnings failed; trying again in {}", every(), error);
				return Mono.empty();
			})
			.then();
		Mono<Void> expiries = this.expire.run()
			.doOnNext((run) -> log.debug("points expiry run: {}", run))
			.onErrorResume((error) -> {
				log.warn("points expiry run failed; trying again in {}", every(), error);
				return Mono.empty();
			})
			.then();
		return warnings.then(expiries);
	}

}
