package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;

import dev.punchcard.core.campaign.application.SyncOutcome;
import dev.punchcard.core.campaign.application.SyncWhatsAppTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * Asks every {@code checkEvery} for the scheduled template sync; it runs when no sync
 * (scheduled or on demand, on any instance) finished within the interval, and the sync's
 * advisory lock keeps two instances from writing at once. A background loop with a
 * lifecycle, stopped before the connection pools close; a failed tick is logged and tried
 * again at the next.
 */
class TemplateSyncSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TemplateSyncSchedule.class);

	private final SyncWhatsAppTemplates sync;

	private final Duration interval;

	private final Duration every;

	private volatile Disposable loop;

	TemplateSyncSchedule(SyncWhatsAppTemplates sync, WhatsAppProperties.TemplateSync settings) {
		this.sync = sync;
		this.interval = settings.interval();
		this.every = settings.checkEvery();
	}

	@Override
	public void start() {
		this.loop = Flux.interval(Duration.ofSeconds(5), this.every, Schedulers.single())
			.onBackpressureDrop()
			.concatMap((tick) -> runOnce(), 1)
			.subscribe();
	}

	/** One tick; completes whatever happened, logging failures. */
	Mono<SyncOutcome> runOnce() {
		return this.sync.sync(new SyncWhatsAppTemplates.Trigger.Scheduled(this.interval))
			.doOnNext((outcome) -> log.debug("scheduled WhatsApp template sync: {}", outcome))
			.onErrorResume((error) -> {
				log.warn("scheduled WhatsApp template sync failed; trying again in {}: {}", this.every,
						error.getMessage());
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
