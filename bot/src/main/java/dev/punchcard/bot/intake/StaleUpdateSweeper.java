package dev.punchcard.bot.intake;

import java.time.Duration;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Every few seconds, claims updates that were stored but are not done long after receipt
 * (a crash before processing, a lost queue signal, a failed attempt whose lease ran out)
 * and queues them again; now and then, deletes the channel's done updates past its dedupe
 * horizon.
 */
class StaleUpdateSweeper {

	private static final Logger log = LoggerFactory.getLogger(StaleUpdateSweeper.class);

	private static final Duration SWEEP_TIMEOUT = Duration.ofSeconds(30);

	private final ChatChannel channel;

	private final InboundUpdates updates;

	private final UpdateProcessor processor;

	private final IntakeSettings settings;

	private final Scheduler scheduler;

	StaleUpdateSweeper(ChatChannel channel, InboundUpdates updates, UpdateProcessor processor, IntakeSettings settings,
			Scheduler scheduler) {
		this.channel = channel;
		this.updates = updates;
		this.processor = processor;
		this.settings = settings;
		this.scheduler = scheduler;
	}

	/** The periodic sweeps; never errors. Subscribed once, by {@link DurableIntake}. */
	Flux<Void> sweeps() {
		return Flux.merge(every(this.settings.sweepEvery()).concatMap((tick) -> reclaimStale()),
				every(this.settings.purgeEvery()).concatMap((tick) -> purgeDone()));
	}

	private Flux<Long> every(Duration period) {
		return Flux.interval(period, period, this.scheduler).onBackpressureDrop();
	}

	Mono<Void> reclaimStale() {
		return this.updates
			.claimStale(this.channel, this.settings.staleAfter(), this.settings.sweepBatch(), this.settings.lease())
			.doOnNext(this::logReclaimed)
			.concatMap(this.processor::resubmit)
			.then()
			.timeout(SWEEP_TIMEOUT)
			.onErrorResume((error) -> logged("Sweeping stale " + this.channel + " updates failed", error));
	}

	Mono<Void> purgeDone() {
		return this.updates.purgeDone(this.channel, this.settings.requiredPurgeAfter())
			.doOnNext((count) -> log.debug("Purged {} handled {} updates", count, this.channel))
			.then()
			.timeout(SWEEP_TIMEOUT)
			.onErrorResume((error) -> logged("Purging handled " + this.channel + " updates failed", error));
	}

	private void logReclaimed(StoredUpdate update) {
		log.info("Reclaimed {} update {} (attempt {})", this.channel, update.updateId(), update.attempts());
	}

	private static Mono<Void> logged(String what, Throwable error) {
		log.warn("{}: {}", what, error.toString());
		return Mono.empty();
	}

}
