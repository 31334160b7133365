package dev.punchcard.bot.broadcast;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.punchcard.core.campaign.application.TelegramTemplates;
import dev.punchcard.core.campaign.application.TemplateCatalog;
import dev.punchcard.core.campaign.application.WhatsAppTemplates;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The templates of both channels in memory, read-only for the code under test. */
final class InMemoryTemplates {

	private final Map<TemplateId, WhatsAppTemplate> whatsApp = new ConcurrentHashMap<>();

	private final Map<TemplateId, TelegramTemplate> telegram = new ConcurrentHashMap<>();

	TemplateCatalog catalog() {
		return new TemplateCatalog(new WhatsApp(), new Telegram());
	}

	WhatsAppTemplate save(WhatsAppTemplate template) {
		this.whatsApp.put(template.id(), template);
		return template;
	}

	TelegramTemplate save(TelegramTemplate template) {
		this.telegram.put(template.id(), template);
		return template;
	}

	void remove(TemplateId id) {
		this.whatsApp.remove(id);
		this.telegram.remove(id);
	}

	private final class WhatsApp implements WhatsAppTemplates {

		@Override
		public Mono<SyncResult> replaceAll(String account, List<TemplateListing> listed, @Nullable StaffId by,
				Instant at, @Nullable Instant unlessSyncedAfter) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Instant> lastSync() {
			return Mono.empty();
		}

		@Override
		public Mono<WhatsAppTemplate> find(TemplateId id) {
			return Mono.fromSupplier(() -> InMemoryTemplates.this.whatsApp.get(id));
		}

		@Override
		public Flux<WhatsAppTemplate> all() {
			return Flux.defer(() -> Flux.fromIterable(InMemoryTemplates.this.whatsApp.values()));
		}

	}

	private final class Telegram implements TelegramTemplates {

		@Override
		public Mono<Write> insert(TelegramTemplate template) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Write> update(TelegramTemplate changed) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Boolean> delete(TemplateId id, StaffId by, Instant at) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<TelegramTemplate> find(TemplateId id) {
			return Mono.fromSupplier(() -> InMemoryTemplates.this.telegram.get(id));
		}

		@Override
		public Flux<TelegramTemplate> all() {
			return Flux.defer(() -> Flux.fromIterable(InMemoryTemplates.this.telegram.values()));
		}

	}

}
