package dev.punchcard.core.broadcast.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.punchcard.core.campaign.application.TelegramTemplates;
import dev.punchcard.core.campaign.application.WhatsAppTemplates;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The templates of both channels in memory, for the broadcast use cases (which only find
 * them); a WhatsApp one with a body parameter {@code body.1}, a Telegram one with the
 * placeholder {@code first_name}.
 */
final class InMemoryTemplates {

	final Whats whatsApp = new Whats();

	final Telegram telegram = new Telegram();

	WhatsAppTemplate whatsApp(TemplateStatus status) {
		WhatsAppTemplate template = new WhatsAppTemplate(TemplateId.random(),
				new TemplateListing("77", "spring_sale", "en", "MARKETING", status, ParameterFormat.POSITIONAL,
						List.of(TemplateComponent.of("BODY", null, "Hello {{1}}", List.of()))),
				Instant.EPOCH, null);
		this.whatsApp.templates.put(template.id(), template);
		return template;
	}

	TelegramTemplate telegram() {
		TelegramTemplate template = new TelegramTemplate(TemplateId.random(), "Spring sale",
				Map.of("en", "Hello {{first_name}}"), TemplateImage.NONE, List.of(), StaffId.random(), Instant.EPOCH,
				StaffId.random(), Instant.EPOCH);
		this.telegram.templates.put(template.id(), template);
		return template;
	}

	static final class Whats implements WhatsAppTemplates {

		private final Map<TemplateId, WhatsAppTemplate> templates = new ConcurrentHashMap<>();

		@Override
		public Mono<SyncResult> replaceAll(String account, List<TemplateListing> listed, @Nullable StaffId by,
				Instant at, @Nullable Instant unlessSyncedAfter) {
			return Mono.error(() -> new UnsupportedOperationException("not needed by broadcasts"));
		}

		@Override
		public Mono<Instant> lastSync() {
			return Mono.empty();
		}

		@Override
		public Mono<WhatsAppTemplate> find(TemplateId id) {
			return Mono.fromSupplier(() -> this.templates.get(id));
		}

		@Override
		public Flux<WhatsAppTemplate> all() {
			return Flux.defer(() -> Flux.fromIterable(this.templates.values()));
		}

	}

	static final class Telegram implements TelegramTemplates {

		private final Map<TemplateId, TelegramTemplate> templates = new ConcurrentHashMap<>();

		@Override
		public Mono<Write> insert(TelegramTemplate template) {
			return Mono.fromSupplier(() -> {
				this.templates.put(template.id(), template);
				return new Write.Written(template);
			});
		}

		@Override
		public Mono<Write> update(TelegramTemplate changed) {
			return insert(changed);
		}

		@Override
		public Mono<Boolean> delete(TemplateId id, StaffId by, Instant at) {
			return Mono.fromSupplier(() -> this.templates.remove(id) != null);
		}

		@Override
		public Mono<TelegramTemplate> find(TemplateId id) {
			return Mono.fromSupplier(() -> this.templates.get(id));
		}

		@Override
		public Flux<TelegramTemplate> all() {
			return Flux.defer(() -> Flux.fromIterable(this.templates.values()));
		}

	}

}
