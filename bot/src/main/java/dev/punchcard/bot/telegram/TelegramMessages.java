package dev.punchcard.bot.telegram;

import java.util.ArrayList;
import java.util.List;

import dev.punchcard.bot.conversation.OutgoingMessage;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.jspecify.annotations.Nullable;

/**
 * Renders channel-neutral messages as Bot API requests: texts as HTML
 * ({@link TelegramHtml}) split at 4096 characters (buttons go with the last piece),
 * captions cut at 1024 with the rest sent as text, a one-time contact keyboard for
 * {@link OutgoingMessage.AskForPhone}.
 */
final class TelegramMessages {

	static final int TEXT_LIMIT = 4096;

	static final int CAPTION_LIMIT = 1024;

	static final int NOTICE_LIMIT = 200;

	private TelegramMessages() {
	}

	static List<TelegramOutbound> render(String chatId, OutgoingMessage message) {
		return switch (message) {
			case OutgoingMessage.Text text ->
				texts(chatId, TelegramHtml.html(text.text()), inlineKeyboard(text.buttons()));
			case OutgoingMessage.AskForPhone ask ->
				texts(chatId, TelegramHtml.html(ask.text()), contactKeyboard(ask.buttonLabel()));
			case OutgoingMessage.Image image -> photo(chatId, image);
			case OutgoingMessage.ButtonAnswer answer -> List.of(callbackAnswer(answer));
			case OutgoingMessage.Notice notice -> texts(chatId, TelegramHtml.html(notice.text()), null);
		};
	}

	private static List<TelegramOutbound> texts(String chatId, String html, @Nullable ReplyKeyboard keyboard) {
		if (html.isBlank()) {
			return List.of();
		}
		List<String> pieces = HtmlChunks.split(html, TEXT_LIMIT);
		List<TelegramOutbound> requests = new ArrayList<>();
		for (int i = 0; i < pieces.size(); i++) {
			SendMessage message = SendMessage.builder().chatId(chatId).text(pieces.get(i)).parseMode("HTML").build();
			if (i == pieces.size() - 1) {
				message.setReplyMarkup(keyboard);
			}
			requests.add(new TelegramOutbound.Text(message));
		}
		return requests;
	}

	private static List<TelegramOutbound> photo(String chatId, OutgoingMessage.Image image) {
		HtmlChunks.Cut caption = HtmlChunks.cut(TelegramHtml.html(image.caption()), CAPTION_LIMIT);
		List<TelegramOutbound> requests = new ArrayList<>();
		requests.add(new TelegramOutbound.Photo(chatId, image.png(), caption.head()));
		requests.addAll(texts(chatId, caption.tail(), null));
		return requests;
	}

	private static TelegramOutbound callbackAnswer(OutgoingMessage.ButtonAnswer answer) {
		String notice = answer.notice();
		AnswerCallbackQuery query = new AnswerCallbackQuery(answer.callbackId());
		if (notice != null && !notice.isBlank()) {
			query.setText((notice.length() > NOTICE_LIMIT) ? notice.substring(0, NOTICE_LIMIT) : notice);
		}
		return new TelegramOutbound.CallbackAnswer(query);
	}

	private static @Nullable ReplyKeyboard inlineKeyboard(List<List<OutgoingMessage.Button>> rows) {
		if (rows.isEmpty()) {
			return null;
		}
		List<InlineKeyboardRow> keyboard = rows.stream()
			.map((row) -> new InlineKeyboardRow(row.stream().map(TelegramMessages::inlineButton).toList()))
			.toList();
		return new InlineKeyboardMarkup(keyboard);
	}

	private static InlineKeyboardButton inlineButton(OutgoingMessage.Button button) {
		return InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build();
	}

	private static ReplyKeyboard contactKeyboard(String label) {
		KeyboardButton share = KeyboardButton.builder().text(label).requestContact(true).build();
		return ReplyKeyboardMarkup.builder()
			.keyboardRow(new KeyboardRow(share))
			.oneTimeKeyboard(true)
			.resizeKeyboard(true)
			.build();
	}

}
