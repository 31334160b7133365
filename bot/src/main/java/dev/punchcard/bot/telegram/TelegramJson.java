package dev.punchcard.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;

/**
 * The JSON mapper for TelegramBots types, configured as the library configures its own: a
 * plain {@link ObjectMapper}, independent of the application's Jackson settings.
 */
final class TelegramJson {

	static final ObjectMapper MAPPER = new ObjectMapper();

	private TelegramJson() {
	}

	/**
	 * A Bot API method's parameters as JSON, without the {@code method} field
	 * TelegramBots adds (only meaningful when answering a webhook with a method call).
	 */
	static ObjectNode request(PartialBotApiMethod<?> method) {
		ObjectNode body = MAPPER.valueToTree(method);
		body.remove("method");
		return body;
	}

	static byte[] bytes(Object value) {
		try {
			return MAPPER.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	static String string(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

}
