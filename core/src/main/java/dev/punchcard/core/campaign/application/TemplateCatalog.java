package dev.punchcard.core.campaign.application;

import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The templates marketers can choose from, of both channels. */
public class TemplateCatalog {

	private final WhatsAppTemplates whatsApp;

	private final TelegramTemplates telegram;

	public TemplateCatalog(WhatsAppTemplates whatsApp, TelegramTemplates telegram) {
		this.whatsApp = whatsApp;
		this.telegram = telegram;
	}

	/**
	 * Emits the templates of the channel, or of both (WhatsApp's first) when it is null.
	 */
	public Flux<MessageTemplate> list(@Nullable ChatChannel channel) {
		Flux<MessageTemplate> whatsApp = this.whatsApp.all().cast(MessageTemplate.class);
		Flux<MessageTemplate> telegram = this.telegram.all().cast(MessageTemplate.class);
		if (channel == null) {
			return whatsApp.concatWith(telegram);
		}
		return (channel == ChatChannel.WHATSAPP) ? whatsApp : telegram;
	}

	/** Emits the template of either channel with the id, or completes empty. */
	public Mono<MessageTemplate> show(TemplateId id) {
		return this.whatsApp.find(id)
			.cast(MessageTemplate.class)
			.switchIfEmpty(Mono.defer(() -> this.telegram.find(id)));
	}

}
