package dev.punchcard.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper for TelegramBots types, configured as the library configures its own: a
 * plain {@link ObjectMapper}, independent of the application's Jackson settings.
 */
final class TelegramJson {

	static final ObjectMapper MAPPER = new ObjectMapper();

	private TelegramJson() {
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
