package dev.punchcard.bot.telegram;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.bot.template.TemplateFill;
import dev.punchcard.bot.template.TemplateRenderer;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.Placeholders;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Telegram templates as the Telegram edge sends them: the member's language's text read
 * as neutral mark-up with the placeholders kept out of the mark-up reader, the values put
 * in afterwards and escaped by {@link TelegramHtml} (so nothing a member typed changes
 * the formatting); as {@code sendMessage} (split at 4096 like every text) or, with an
 * image, as {@code sendPhoto} with the HTML as its caption (cut at 1024, the rest sent as
 * text); buttons as an inline keyboard, one per row, URL values percent-encoded (a value
 * that starts the URL is put in as it is), commands as the main menu's {@code m:}
 * callbacks.
 */
@Component
class TelegramTemplateRenderer implements TemplateRenderer {

	/** Stands in for a placeholder while the mark-up is read: private-use characters. */
	private static final char OPEN = '\uE000';

	private static final char CLOSE = '\uE001';

	@Override
	public ChatChannel channel() {
		return ChatChannel.TELEGRAM;
	}

	@Override
	public RenderedTemplate render(MessageTemplate template, MemberFieldValues member, TemplateFill fill) {
		if (!(template instanceof TelegramTemplate telegram)) {
			throw new IllegalArgumentException("not a Telegram template: " + template.channel());
		}
		String chatId = (member.telegramChatId() != null) ? member.telegramChatId() : "";
		String html = TelegramHtml.html(marked(telegram.textFor(member.language()), fill.values()));
		InlineKeyboardMarkup keyboard = keyboard(telegram, member.language(), fill.values());
		List<String> requests = (telegram.image() == TemplateImage.NONE) ? texts(chatId, html, keyboard)
				: photo(chatId, html, keyboard, telegram.image(), fill);
		return new RenderedTemplate(html, requests, member.telegramChatId());
	}

	/** The text's mark-up read with its placeholders hidden, then their values put in. */
	static MarkedText marked(String text, Map<String, String> values) {
		List<String> pieces = Placeholders.pieces(text);
		List<String> names = new ArrayList<>();
		StringBuilder hidden = new StringBuilder(pieces.get(0));
		for (int i = 1; i < pieces.size(); i += 2) {
			hidden.append(OPEN).append(names.size()).append(CLOSE).append(pieces.get(i + 1));
			names.add(pieces.get(i));
		}
		return MarkedText.parse(hidden.toString(), (span) -> shown(span, names, values));
	}

	private static String shown(String span, List<String> names, Map<String, String> values) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < span.length()) {
			int open = span.indexOf(OPEN, i);
			int close = (open < 0) ? -1 : span.indexOf(CLOSE, open);
			if (close < 0) {
				out.append(span, i, span.length());
				break;
			}
			out.append(span, i, open);
			int index = Integer.parseInt(span.substring(open + 1, close));
			out.append(values.getOrDefault(names.get(index), ""));
			i = close + 1;
		}
		return out.toString();
	}

	private static List<String> texts(String chatId, String html, InlineKeyboardMarkup keyboard) {
		List<String> pieces = HtmlChunks.split(html, TelegramMessages.TEXT_LIMIT);
		List<String> requests = new ArrayList<>();
		for (int i = 0; i < pieces.size(); i++) {
			SendMessage message = SendMessage.builder().chatId(chatId).text(pieces.get(i)).parseMode("HTML").build();
			if (i == pieces.size() - 1 && !keyboard.getKeyboard().isEmpty()) {
				message.setReplyMarkup(keyboard);
			}
			requests.add(TelegramJson.string(TelegramJson.request(message)));
		}
		return requests;
	}

	/**
	 * {@code sendPhoto} goes as multipart with the PNG as its {@code photo} part; shown
	 * here as its fields, with what the image is.
	 */
	private static List<String> photo(String chatId, String html, InlineKeyboardMarkup keyboard, TemplateImage image,
			TemplateFill fill) {
		HtmlChunks.Cut caption = HtmlChunks.cut(html, TelegramMessages.CAPTION_LIMIT);
		ObjectNode photo = TelegramJson.MAPPER.createObjectNode().put("chat_id", chatId);
		photo.putObject("photo")
			.put("image", image.name())
			.put("qrCode", (image == TemplateImage.MEMBER_CARD) ? fill.cardCode() : fill.voucherCode());
		photo.put("caption", caption.head()).put("parse_mode", "HTML");
		List<String> requests = new ArrayList<>();
		boolean rest = !caption.tail().isBlank();
		if (!rest && !keyboard.getKeyboard().isEmpty()) {
			photo.set("reply_markup", TelegramJson.MAPPER.valueToTree(keyboard));
		}
		requests.add(TelegramJson.string(photo));
		if (rest) {
			requests.addAll(texts(chatId, caption.tail(), keyboard));
		}
		return requests;
	}

	/** The buttons, each labelled in the language the member reads the text in. */
	private static InlineKeyboardMarkup keyboard(TelegramTemplate template, String language,
			Map<String, String> values) {
		List<InlineKeyboardRow> rows = new ArrayList<>();
		for (TelegramButton button : template.buttons()) {
			InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> key = InlineKeyboardButton.builder()
				.text(template.labelFor(button, language));
			if (button.url() != null) {
				key.url(url(button.url(), values));
			}
			else {
				key.callbackData("m:" + button.command());
			}
			rows.add(new InlineKeyboardRow(key.build()));
		}
		return new InlineKeyboardMarkup(rows);
	}

	private static String url(String url, Map<String, String> values) {
		String trimmed = url.strip();
		return Placeholders.filled(trimmed, (name) -> {
			String value = values.getOrDefault(name, "");
			boolean leading = trimmed.startsWith("{{") && Placeholders.in(trimmed).get(0).equals(name);
			return leading ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		});
	}

}
