package dev.punchcard.bot.telegram;

import dev.punchcard.bot.conversation.MarkedText;

/**
 * The neutral mark-up as Telegram's HTML parse mode: {@code <b>}, {@code <i>},
 * {@code <code>}, with {@code &}, {@code <} and {@code >} of every span escaped (all the
 * Bot API asks for outside attributes), so a user's text shows as typed; commands as
 * {@code /name}.
 */
public final class TelegramHtml {

	private TelegramHtml() {
	}

	public static String html(MarkedText text) {
		StringBuilder html = new StringBuilder();
		for (MarkedText.Span span : text.spans()) {
			if (span.command() != null) {
				// Telegram shows /commands as links that send them
				html.append('/').append(span.command());
				continue;
			}
			String tag = switch (span.style()) {
				case PLAIN -> null;
				case BOLD -> "b";
				case ITALIC -> "i";
				case CODE -> "code";
				case COMMAND -> null;
			};
			if (tag != null) {
				html.append('<').append(tag).append('>');
			}
			escape(span.text(), html);
			if (tag != null) {
				html.append("</").append(tag).append('>');
			}
		}
		return html.toString();
	}

	private static void escape(String text, StringBuilder out) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				default -> out.append(c);
			}
		}
	}

}
