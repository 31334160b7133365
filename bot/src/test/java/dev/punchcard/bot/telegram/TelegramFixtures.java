package dev.punchcard.bot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Recorded Telegram updates from {@code src/test/resources/telegram}. */
final class TelegramFixtures {

	private TelegramFixtures() {
	}

	static String json(String name) {
		try (InputStream in = TelegramFixtures.class.getResourceAsStream("/telegram/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing fixture telegram/" + name + " in bot/src/test/resources");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Update update(String name) {
		return parse(json(name));
	}

	static Update parse(String json) {
		try {
			return TelegramJson.MAPPER.readValue(json, Update.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A private text message from user (= chat) {@code chatId}. */
	static String textMessage(long updateId, long chatId, String text) {
		return """
				{"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
				 "from": {"id": %d, "is_bot": false, "first_name": "Ann", "language_code": "en"},
				 "chat": {"id": %d, "first_name": "Ann", "type": "private"},
				 "text": "%s"}}
				""".formatted(updateId, updateId, chatId, chatId, text);
	}

}
