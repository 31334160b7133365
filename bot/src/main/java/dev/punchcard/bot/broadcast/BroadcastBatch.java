package dev.punchcard.bot.broadcast;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.application.MemberFields;
import dev.punchcard.core.campaign.application.TemplateCatalog;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a claimed batch needs, read once for all of it: its templates, the WhatsApp
 * templates of the same name in other languages, and its members' fields (one statement).
 *
 * @param templates the broadcasts' templates by id (missing ones left out)
 * @param siblings every WhatsApp template, when the batch has WhatsApp recipients
 * @param members the members' fields by id (unknown members left out)
 */
record BroadcastBatch(Map<TemplateId, MessageTemplate> templates, List<WhatsAppTemplate> siblings,
		Map<CustomerId, MemberFieldValues> members) {

	/** Reads what the recipients need. */
	static Mono<BroadcastBatch> load(List<ClaimedRecipient> recipients, TemplateCatalog catalog, MemberFields fields) {
		List<TemplateId> ids = recipients.stream().map(ClaimedRecipient::templateId).distinct().toList();
		Mono<Map<TemplateId, MessageTemplate>> templates = Flux.fromIterable(ids)
			.concatMap(catalog::show)
			.collectMap(MessageTemplate::id, Function.identity());
		boolean whatsApp = recipients.stream().anyMatch((recipient) -> recipient.channel() == ChatChannel.WHATSAPP);
		Mono<List<WhatsAppTemplate>> siblings = whatsApp
				? catalog.list(ChatChannel.WHATSAPP).ofType(WhatsAppTemplate.class).collectList()
				: Mono.just(List.of());
		Collection<CustomerId> customers = recipients.stream().map(ClaimedRecipient::customerId).distinct().toList();
		Mono<Map<CustomerId, MemberFieldValues>> members = fields.of(customers)
			.collectMap(MemberFieldValues::id, Function.identity());
		return Mono.zip(templates, siblings, members)
			.map((all) -> new BroadcastBatch(all.getT1(), all.getT2(), all.getT3()));
	}

	/**
	 * The template to send the recipient: for WhatsApp, the one of the same name in the
	 * recipient's language when it can be sent and takes the same parameters (so the
	 * bindings fit), else the broadcast's own; Telegram templates hold every language.
	 */
	Optional<MessageTemplate> templateFor(ClaimedRecipient recipient) {
		MessageTemplate chosen = this.templates.get(recipient.templateId());
		if (!(chosen instanceof WhatsAppTemplate whatsApp) || speaks(whatsApp.language(), recipient.language())) {
			return Optional.ofNullable(chosen);
		}
		return this.siblings.stream()
			.filter((other) -> other.name().equals(whatsApp.name()) && speaks(other.language(), recipient.language()))
			.filter((other) -> other.whyNotSendable().isEmpty()
					&& other.parameterKeys().equals(whatsApp.parameterKeys()))
			.sorted((a, b) -> a.language().compareTo(b.language()))
			.<MessageTemplate>map(Function.identity())
			.findFirst()
			.or(() -> Optional.of(chosen));
	}

	Optional<MemberFieldValues> memberOf(ClaimedRecipient recipient) {
		return Optional.ofNullable(this.members.get(recipient.customerId()));
	}

	/** Whether a WhatsApp language code ({@code en_US}, {@code ru}) is the language. */
	static boolean speaks(String templateLanguage, String language) {
		String wanted = language.toLowerCase(Locale.ROOT);
		String template = templateLanguage.toLowerCase(Locale.ROOT).replace('-', '_');
		return template.equals(wanted) || template.startsWith(wanted + "_");
	}

	@Override
	public String toString() {
		return "BroadcastBatch[" + this.templates.keySet() + ", " + this.members.size() + " members]";
	}

}
