package dev.punchcard.webhooks.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TemplateButton;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page of {@code GET /<WABA-ID>/message_templates} read into our own listings:
 * {@code data[]} of {@code name}, {@code language}, {@code status}, {@code category},
 * {@code id}, {@code parameter_format} ({@code POSITIONAL} when absent, as Meta defaults)
 * and {@code components[]} ({@code type}, {@code format}, {@code text},
 * {@code buttons[]}), the parameters read from the texts. An entry without a name
 * WhatsApp could have, a language or an id is left out and logged: it could not be sent
 * anyway.
 */
final class WhatsAppTemplateListings {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppTemplateListings.class);

	private WhatsAppTemplateListings() {
	}

	static List<TemplateListing> of(JsonNode page) {
		List<TemplateListing> listings = new ArrayList<>();
		for (JsonNode entry : page.path("data")) {
			TemplateListing listing = listing(entry);
			if (listing != null) {
				listings.add(listing);
			}
		}
		return listings;
	}

	private static @Nullable TemplateListing listing(JsonNode entry) {
		String name = entry.path("name").asText("");
		String language = entry.path("language").asText("");
		String id = entry.path("id").asText("");
		if (!name.matches("[a-z0-9_]{1,512}") || !language.matches("[A-Za-z_]{2,16}") || id.isBlank()
				|| id.length() > 64) {
			log.warn("WhatsApp template listing: an entry without a valid name, language or id is left out (id {})",
					id.length() > 64 ? id.substring(0, 64) : id);
			return null;
		}
		List<TemplateComponent> components = new ArrayList<>();
		entry.path("components").forEach((component) -> components.add(component(component)));
		return new TemplateListing(id, name, language,
				entry.path("category").asText("UNKNOWN").toUpperCase(Locale.ROOT),
				TemplateStatus.of(entry.path("status").asText("UNKNOWN")), format(entry.path("parameter_format")),
				components);
	}

	private static TemplateComponent component(JsonNode component) {
		List<TemplateButton> buttons = new ArrayList<>();
		component.path("buttons")
			.forEach((button) -> buttons.add(TemplateButton.of(button.path("type").asText(""),
					button.path("text").asText(""), text(button, "url"))));
		return TemplateComponent.of(component.path("type").asText(""), text(component, "format"),
				text(component, "text"), buttons);
	}

	private static ParameterFormat format(JsonNode format) {
		return "NAMED".equalsIgnoreCase(format.asText("")) ? ParameterFormat.NAMED : ParameterFormat.POSITIONAL;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || !value.isTextual()) ? null : value.asText();
	}

}
