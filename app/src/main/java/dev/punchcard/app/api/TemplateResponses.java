package dev.punchcard.app.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateButton;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import org.jspecify.annotations.Nullable;

/** How templates of either channel show in the API. */
final class TemplateResponses {

	private TemplateResponses() {
	}

	static Object of(MessageTemplate template) {
		return switch (template) {
			case WhatsAppTemplate whatsApp -> WhatsAppResponse.of(whatsApp);
			case TelegramTemplate telegram -> TelegramResponse.of(telegram);
		};
	}

	record WhatsAppResponse(String id, String channel, String name, String language, String category, String status,
			boolean sendable, @Nullable String notSendableBecause, String parameterFormat, List<String> parameters,
			List<ComponentResponse> components, Instant syncedAt, @Nullable Instant goneAt) {

		static WhatsAppResponse of(WhatsAppTemplate template) {
			var listing = template.listing();
			return new WhatsAppResponse(template.id().toString(), "WHATSAPP", template.name(), template.language(),
					listing.category(), template.status().name(), template.whyNotSendable().isEmpty(),
					template.whyNotSendable().orElse(null), listing.parameterFormat().name(), template.parameterKeys(),
					listing.components().stream().map(ComponentResponse::of).toList(), template.syncedAt(),
					template.goneAt());
		}

	}

	record ComponentResponse(String type, @Nullable String format, @Nullable String text, List<String> parameters,
			List<ButtonResponse> buttons) {

		static ComponentResponse of(TemplateComponent component) {
			return new ComponentResponse(component.type(), component.format(), component.text(), component.parameters(),
					component.buttons().stream().map(ButtonResponse::of).toList());
		}

	}

	record ButtonResponse(String type, String text, @Nullable String url) {

		static ButtonResponse of(TemplateButton button) {
			return new ButtonResponse(button.type(), button.text(), button.url());
		}

	}

	record TelegramResponse(String id, String channel, String name, Map<String, String> texts, String image,
			List<TelegramButtonResponse> buttons, List<String> parameters, String createdBy, Instant createdAt,
			String updatedBy, Instant updatedAt) {

		static TelegramResponse of(TelegramTemplate template) {
			return new TelegramResponse(template.id().toString(), "TELEGRAM", template.name(), template.texts(),
					template.image().name(), template.buttons().stream().map(TelegramButtonResponse::of).toList(),
					template.parameterKeys(), template.createdBy().toString(), template.createdAt(),
					template.updatedBy().toString(), template.updatedAt());
		}

	}

	/**
	 * A button as it is written: {@code label} one text, or a text per language.
	 */
	record TelegramButtonResponse(Object label, @Nullable String url, @Nullable String command) {

		static TelegramButtonResponse of(TelegramButton button) {
			return new TelegramButtonResponse(button.labels().isEmpty() ? button.label() : button.labels(),
					button.url(), button.command());
		}

	}

}
