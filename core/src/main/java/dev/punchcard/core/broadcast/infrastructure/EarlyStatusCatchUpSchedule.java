package dev.punchcard.core.broadcast.infrastructure;

import java.time.Duration;

import dev.punchcard.core.broadcast.application.CatchUpEarlyStatuses;
import dev.punchcard.core.broadcast.application.CatchUpEarlyStatuses.CatchUp;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs the catch-up of early broadcast statuses every {@code early-status-catch-up.every}
 * on each instance: instances running it at once take disjoint rows ({@code SKIP LOCKED})
 * and apply each kept status once. A {@link PeriodicWork}: stopped before the connection
 * pools close.
 */
class EarlyStatusCatchUpSchedule extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(EarlyStatusCatchUpSchedule.class);

	private final CatchUpEarlyStatuses catchUp;

	EarlyStatusCatchUpSchedule(CatchUpEarlyStatuses catchUp, Duration every) {
		super(every, every);
		this.catchUp = catchUp;
	}

	@Override
	protected Mono<CatchUp> tick() {
		return this.catchUp.run().doOnNext(EarlyStatusCatchUpSchedule::report).onErrorResume((error) -> {
			log.warn("the catch-up of early broadcast statuses failed; trying again in {}", every(), error);
			return Mono.empty();
		});
	}

	private static void report(CatchUp done) {
		if (done.applied() > 0) {
			log.info("applied {} broadcast statuses that their send's settle had left", done.applied());
		}
		if (done.forgotten() > 0) {
			log.info("forgot {} broadcast statuses kept past their time to live", done.forgotten());
		}
	}

}
