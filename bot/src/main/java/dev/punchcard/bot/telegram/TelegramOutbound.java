package dev.punchcard.bot.telegram;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** One Bot API request that delivers (part of) an outgoing message. */
sealed interface TelegramOutbound {

	/**
	 * Whether the request puts a message into the chat (and so counts against its rate
	 * limit).
	 */
	default boolean isChatMessage() {
		return true;
	}

	/** A {@code sendMessage}. */
	record Text(SendMessage message) implements TelegramOutbound {
	}

	/** A {@code sendPhoto} upload. */
	record Photo(String chatId, byte[] png, String captionHtml) implements TelegramOutbound {
	}

	/** An {@code answerCallbackQuery}: no message in the chat. */
	record CallbackAnswer(AnswerCallbackQuery answer) implements TelegramOutbound {

		@Override
		public boolean isChatMessage() {
			return false;
		}

	}

}
