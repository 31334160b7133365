package dev.punchcard.core.campaign.application;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The WhatsApp templates as last synced. */
public interface WhatsAppTemplates {

	/**
	 * Makes the stored templates what Meta listed, atomically and audited: each listed
	 * (name, language) is added or updated, each stored one no longer listed is marked
	 * gone. Runs only while no other sync runs (on any instance), and, when
	 * {@code unlessSyncedAfter} is given, only if no sync finished after it. Emits what
	 * it did.
	 * @param account the WhatsApp business account the listing is of
	 * @param listed every template the account has, each (name, language) once
	 * @param by who asked, or null for the schedule
	 */
	Mono<SyncResult> replaceAll(String account, List<TemplateListing> listed, @Nullable StaffId by, Instant at,
			@Nullable Instant unlessSyncedAfter);

	/** Emits when the last sync finished, or completes empty when none ever did. */
	Mono<Instant> lastSync();

	/** Emits the template, or completes empty. */
	Mono<WhatsAppTemplate> find(TemplateId id);

	/** Emits every stored template, gone ones included, by name and language. */
	Flux<WhatsAppTemplate> all();

	/** What a sync did. */
	sealed interface SyncResult {

		/** Stored: how many were listed, added, changed and marked gone. */
		record Synced(int listed, int added, int changed, int gone) implements SyncResult {
		}

		/** Another sync holds the lock; nothing was written. */
		record Busy() implements SyncResult {
		}

		/** A sync finished after the given time; nothing was written. */
		record Recent() implements SyncResult {
		}

	}

}
