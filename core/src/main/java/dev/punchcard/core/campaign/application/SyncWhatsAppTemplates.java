package dev.punchcard.core.campaign.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.campaign.application.WhatsAppTemplates.SyncResult;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Makes the stored WhatsApp templates what Meta lists now: the whole listing is fetched
 * first (outside any transaction), then stored in one audited statement under a lock that
 * one sync at a time holds across instances.
 */
public class SyncWhatsAppTemplates {

	private final @Nullable TemplateSource source;

	private final WhatsAppTemplates templates;

	private final Clock clock;

	/**
	 * @param source Meta's listing, or null when WhatsApp is not configured
	 */
	public SyncWhatsAppTemplates(@Nullable TemplateSource source, WhatsAppTemplates templates, Clock clock) {
		this.source = source;
		this.templates = templates;
		this.clock = clock;
	}

	/**
	 * Emits {@code Synced}, {@code Busy}, {@code UpToDate} (scheduled only) or
	 * {@code NotConfigured}; errors with {@link TemplateSourceException} when Meta cannot
	 * be asked.
	 */
	public Mono<SyncOutcome> sync(Trigger trigger) {
		TemplateSource listing = this.source;
		if (listing == null) {
			return Mono.just(new SyncOutcome.NotConfigured());
		}
		return due(trigger)
			.flatMap((due) -> due ? fetchAndStore(listing, trigger) : Mono.just(new SyncOutcome.UpToDate()));
	}

	/**
	 * On demand always; on the schedule when no sync finished within the interval (the
	 * store checks again under its lock).
	 */
	private Mono<Boolean> due(Trigger trigger) {
		return switch (trigger) {
			case Trigger.OnDemand onDemand -> Mono.just(true);
			case Trigger.Scheduled scheduled -> this.templates.lastSync()
				.map((last) -> last.isBefore(this.clock.instant().minus(scheduled.interval())))
				.defaultIfEmpty(true);
		};
	}

	private Mono<SyncOutcome> fetchAndStore(TemplateSource listing, Trigger trigger) {
		return listing.listAll()
			.collectList()
			.flatMap((listed) -> store(listing.account(), listed, trigger))
			.map(SyncWhatsAppTemplates::outcome);
	}

	private Mono<SyncResult> store(String account, List<TemplateListing> listed, Trigger trigger) {
		Instant now = this.clock.instant();
		return switch (trigger) {
			case Trigger.OnDemand onDemand ->
				this.templates.replaceAll(account, once(listed), onDemand.by(), now, null);
			case Trigger.Scheduled scheduled ->
				this.templates.replaceAll(account, once(listed), null, now, now.minus(scheduled.interval()));
		};
	}

	/** Meta lists a (name, language) once; should it not, the last listing counts. */
	private static List<TemplateListing> once(List<TemplateListing> listed) {
		Map<String, TemplateListing> byKey = new LinkedHashMap<>();
		listed.forEach((listing) -> byKey.put(listing.name() + "\u0000" + listing.language(), listing));
		return List.copyOf(byKey.values());
	}

	private static SyncOutcome outcome(SyncResult result) {
		return switch (result) {
			case SyncResult.Synced synced ->
				new SyncOutcome.Synced(synced.listed(), synced.added(), synced.changed(), synced.gone());
			case SyncResult.Busy busy -> new SyncOutcome.Busy();
			case SyncResult.Recent recent -> new SyncOutcome.UpToDate();
		};
	}

	/** Why a sync runs. */
	public sealed interface Trigger {

		/** A marketer or admin asked. */
		record OnDemand(StaffId by) implements Trigger {
		}

		/** The schedule: a sync per interval across instances. */
		record Scheduled(Duration interval) implements Trigger {
		}

	}

}
