package dev.punchcard.core.broadcast.infrastructure;

import java.time.Clock;
import java.time.Duration;

import dev.punchcard.core.broadcast.application.RunBroadcastSchedule;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs the broadcast schedule every {@code checkEvery} on each instance; its statements
 * make every start, pause and completion happen once across instances. Each round also
 * forgets the early statuses kept longer than their time to live (one {@code DELETE}; two
 * instances deleting the same rows delete them once). A {@link PeriodicWork}: stopped
 * before the connection pools close.
 */
class BroadcastSchedule extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(BroadcastSchedule.class);

	private final RunBroadcastSchedule schedule;

	private final Forgetting forgetting;

	/**
	 * Which early statuses each round forgets.
	 *
	 * @param early where they are kept
	 * @param ttl how long one is kept for the settle of its send
	 * @param clock the time
	 */
	record Forgetting(EarlyStatuses early, Duration ttl, Clock clock) {

		Mono<Long> forget() {
			return this.early.expire(this.clock.instant().minus(this.ttl));
		}

	}

	BroadcastSchedule(RunBroadcastSchedule schedule, Duration every, Forgetting forgetting) {
		super(every, every);
		this.schedule = schedule;
		this.forgetting = forgetting;
	}

	@Override
	protected Mono<RunBroadcastSchedule.Round> tick() {
		return this.schedule.run()
			.doOnNext((round) -> log.debug("broadcast schedule: {}", round))
			.onErrorResume((error) -> {
				log.warn("the broadcast schedule failed; trying again in {}", every(), error);
				return Mono.empty();
			})
			.flatMap((round) -> forgetEarlyStatuses().thenReturn(round));
	}

	private Mono<Void> forgetEarlyStatuses() {
		return this.forgetting.forget().doOnNext((forgotten) -> {
			if (forgotten > 0) {
				log.info("forgot {} broadcast statuses whose send was never settled within {}", forgotten,
						this.forgetting.ttl());
			}
		}).onErrorResume((error) -> {
			log.warn("early broadcast statuses could not be forgotten; trying again in {}", every(), error);
			return Mono.empty();
		}).then();
	}

}
