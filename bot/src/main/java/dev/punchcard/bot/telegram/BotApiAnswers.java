package dev.punchcard.bot.telegram;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Bot API envelope {@code {ok, result | error_code, description,
 * parameters.retry_after}}. A body that is not such an envelope (a proxy's HTML page) is
 * judged by its HTTP status.
 */
final class BotApiAnswers {

	private BotApiAnswers() {
	}

	/**
	 * The {@code result} of a successful call; throws {@link BotApiException} otherwise.
	 */
	static JsonNode result(String method, int status, String body) {
		JsonNode envelope = parse(body);
		if (envelope == null || !envelope.path("ok").isBoolean()) {
			throw notAnEnvelope(method, status);
		}
		if (!envelope.path("ok").asBoolean()) {
			throw error(method, status, envelope);
		}
		JsonNode result = envelope.get("result");
		if (result == null || result.isNull()) {
			throw BotApiException.rejected(method, status, "answer without a result", null);
		}
		return result;
	}

	/** Converts a result to a TelegramBots type. */
	static <T> T as(String method, JsonNode result, Class<T> type) {
		try {
			return TelegramJson.MAPPER.treeToValue(result, type);
		}
		catch (JsonProcessingException ex) {
			throw BotApiException.rejected(method, 200, "unreadable result: " + ex.getOriginalMessage(), null);
		}
	}

	private static BotApiException error(String method, int status, JsonNode envelope) {
		int code = envelope.path("error_code").asInt(status);
		String description = envelope.path("description").asText("no description");
		JsonNode retryAfter = envelope.path("parameters").path("retry_after");
		return BotApiException.rejected(method, code, description,
				retryAfter.canConvertToLong() ? Duration.ofSeconds(retryAfter.asLong()) : null);
	}

	private static BotApiException notAnEnvelope(String method, int status) {
		if (status >= 500 || status == 429 || status < 200) {
			return BotApiException.rejected(method, (status < 200) ? 0 : status, "HTTP " + status, null);
		}
		return BotApiException.rejected(method, status, "not a Bot API answer (HTTP " + status + ")", null);
	}

	private static @Nullable JsonNode parse(String body) {
		try {
			return body.isEmpty() ? null : TelegramJson.MAPPER.readTree(body);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
