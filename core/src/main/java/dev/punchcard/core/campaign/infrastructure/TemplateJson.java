package dev.punchcard.core.campaign.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TemplateButton;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;

/**
 * The JSON columns of templates: WhatsApp components, Telegram texts and buttons. Our own
 * shape, not Meta's, so a change at Meta never breaks reading what is stored.
 */
final class TemplateJson {

	private final ObjectMapper json;

	TemplateJson(ObjectMapper json) {
		this.json = json;
	}

	ArrayNode components(List<TemplateComponent> components) {
		ArrayNode array = this.json.createArrayNode();
		for (TemplateComponent component : components) {
			ObjectNode node = array.addObject().put("type", component.type());
			putIfGiven(node, "format", component.format());
			putIfGiven(node, "text", component.text());
			ArrayNode buttons = node.putArray("buttons");
			for (TemplateButton button : component.buttons()) {
				ObjectNode item = buttons.addObject().put("type", button.type()).put("text", button.text());
				putIfGiven(item, "url", button.url());
			}
		}
		return array;
	}

	List<TemplateComponent> components(Json stored) {
		List<TemplateComponent> components = new ArrayList<>();
		for (JsonNode node : read(stored)) {
			List<TemplateButton> buttons = new ArrayList<>();
			node.path("buttons")
				.forEach((item) -> buttons
					.add(TemplateButton.of(item.path("type").asText(), item.path("text").asText(), text(item, "url"))));
			components.add(TemplateComponent.of(node.path("type").asText(), text(node, "format"), text(node, "text"),
					buttons));
		}
		return components;
	}

	Json texts(Map<String, String> texts) {
		return write(this.json.valueToTree(texts));
	}

	Map<String, String> texts(Json stored) {
		Map<String, String> texts = new LinkedHashMap<>();
		read(stored).properties().forEach((entry) -> texts.put(entry.getKey(), entry.getValue().asText()));
		return texts;
	}

	Json buttons(List<TelegramButton> buttons) {
		ArrayNode array = this.json.createArrayNode();
		for (TelegramButton button : buttons) {
			ObjectNode node = array.addObject().put("label", button.label());
			if (!button.labels().isEmpty()) {
				node.set("labels", this.json.valueToTree(button.labels()));
			}
			putIfGiven(node, "url", button.url());
			putIfGiven(node, "command", button.command());
		}
		return write(array);
	}

	List<TelegramButton> buttons(Json stored) {
		List<TelegramButton> buttons = new ArrayList<>();
		read(stored).forEach((node) -> {
			Map<String, String> labels = new LinkedHashMap<>();
			node.path("labels").properties().forEach((entry) -> labels.put(entry.getKey(), entry.getValue().asText()));
			buttons
				.add(new TelegramButton(node.path("label").asText(), labels, text(node, "url"), text(node, "command")));
		});
		return buttons;
	}

	Json write(JsonNode node) {
		try {
			return Json.of(this.json.writeValueAsString(node));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a template could not be written as JSON", ex);
		}
	}

	private JsonNode read(Json stored) {
		try {
			return this.json.readTree(stored.asString());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a stored template is not JSON", ex);
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asText();
	}

	private static void putIfGiven(ObjectNode node, String field, @Nullable String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

}
