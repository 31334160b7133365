package dev.punchcard.core.broadcast.infrastructure;

import java.time.Duration;

import dev.punchcard.core.broadcast.application.RunBroadcastSchedule;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs the broadcast schedule every {@code checkEvery} on each instance; its statements
 * make every start, pause and completion happen once across instances. A
 * {@link PeriodicWork}: stopped before the connection pools close.
 */
class BroadcastSchedule extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(BroadcastSchedule.class);

	private final RunBroadcastSchedule schedule;

	BroadcastSchedule(RunBroadcastSchedule schedule, Duration every) {
		super(every, every);
		this.schedule = schedule;
	}

	@Override
	protected Mono<RunBroadcastSchedule.Round> tick() {
		return this.schedule.run()
			.doOnNext((round) -> log.debug("broadcast schedule: {}", round))
			.onErrorResume((error) -> {
				log.warn("the broadcast schedule failed; trying again in {}", every(), error);
				return Mono.empty();
			});
	}

}
