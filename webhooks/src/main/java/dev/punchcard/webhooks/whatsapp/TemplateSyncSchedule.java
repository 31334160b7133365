package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;

import dev.punchcard.core.campaign.application.SyncOutcome;
import dev.punchcard.core.campaign.application.SyncWhatsAppTemplates;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Asks every {@code checkEvery} for the scheduled template sync; it runs when no sync
 * (scheduled or on demand, on any instance) finished within the interval, and the sync's
 * advisory lock keeps two instances from writing at once. A background loop with a
 * lifecycle, stopped before the connection pools close; a failed tick is logged and tried
 * again at the next.
 */
class TemplateSyncSchedule extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(TemplateSyncSchedule.class);

	private final SyncWhatsAppTemplates sync;

	private final Duration interval;

	TemplateSyncSchedule(SyncWhatsAppTemplates sync, WhatsAppProperties.TemplateSync settings) {
		super(Duration.ofSeconds(5), settings.checkEvery());
		this.sync = sync;
		this.interval = settings.interval();
	}

	@Override
	protected Mono<SyncOutcome> tick() {
		return runOnce();
	}

	/** One tick; completes whatever happened, logging failures. */
	Mono<SyncOutcome> runOnce() {
		return this.sync.sync(new SyncWhatsAppTemplates.Trigger.Scheduled(this.interval))
			.doOnNext((outcome) -> log.debug("scheduled WhatsApp template sync: {}", outcome))
			.onErrorResume((error) -> {
				log.warn("scheduled WhatsApp template sync failed; trying again in {}: {}", every(),
						error.getMessage());
				return Mono.empty();
			});
	}

}
