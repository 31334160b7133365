package dev.punchcard.bot.telegram;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.punchcard.core.chat.application.ReceivedUpdate;

/**
 * What intake needs of a raw update before storing it: its {@code update_id} and the chat
 * it belongs to. Read from the JSON tree rather than TelegramBots' {@code Update}, so an
 * update the library cannot parse yet is still stored (and acknowledged) instead of being
 * redelivered for a day.
 *
 * @param updateId the {@code update_id}
 * @param chatKey the chat whose updates are handled in order; {@code "-"} for updates of
 * no chat
 */
record UpdateEnvelope(String updateId, String chatKey) {

	/** The update as the durable intake takes it, with its raw JSON. */
	ReceivedUpdate received(String json) {
		return new ReceivedUpdate(this.updateId, this.chatKey, json);
	}

	private static final ObjectReader READER = TelegramJson.MAPPER.reader()
		.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private static final List<String> CHAT_PATHS = List.of("/message/chat/id", "/edited_message/chat/id",
			"/callback_query/message/chat/id", "/callback_query/from/id", "/my_chat_member/chat/id");

	/**
	 * The envelope, or empty when the body is not a JSON object with a whole-number
	 * update_id.
	 */
	static Optional<UpdateEnvelope> read(byte[] json) {
		try {
			return of(READER.readTree(json));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** As {@link #read(byte[])}, for a body already decoded. */
	static Optional<UpdateEnvelope> read(String json) {
		try {
			return of(READER.readTree(json));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Optional<UpdateEnvelope> of(JsonNode update) {
		JsonNode id = update.path("update_id");
		if (!update.isObject() || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 0) {
			return Optional.empty();
		}
		String chatKey = CHAT_PATHS.stream()
			.map(update::at)
			.filter(JsonNode::isIntegralNumber)
			.map(JsonNode::asText)
			.findFirst()
			.orElse("-");
		return Optional.of(new UpdateEnvelope(id.asText(), chatKey));
	}

}
