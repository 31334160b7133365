package dev.punchcard.webhooks.whatsapp;

import java.util.ArrayList;
import java.util.List;

import dev.punchcard.bot.conversation.MarkedText;

/**
 * The neutral mark-up as WhatsApp formatting: {@code *bold*}, {@code _italic_},
 * {@code `code`}, commands as the bold word a person types. WhatsApp has no escape
 * character, so a zero-width space follows every {@code *}, {@code _}, {@code ~} and
 * {@code `} of a span's text: nothing a user typed can open or close a style. Also splits
 * long texts into pieces WhatsApp accepts.
 */
final class WhatsAppText {

	/** U+200B, invisible, breaks a marker away from the text around it. */
	static final char ZERO_WIDTH_SPACE = '\u200B';

	private static final String MARKERS = "*_~`";

	private WhatsAppText() {
	}

	static String render(MarkedText text) {
		StringBuilder out = new StringBuilder();
		for (MarkedText.Span span : text.spans()) {
			String shown = neutralised(span.text());
			switch (span.style()) {
				case PLAIN -> out.append(shown);
				case BOLD, COMMAND -> styled(shown, "*", out);
				case ITALIC -> styled(shown, "_", out);
				case CODE -> styled(shown, "`", out);
			}
		}
		return out.toString();
	}

	/**
	 * The text in pieces of at most {@code limit} UTF-16 units, broken at the last line
	 * break that fits, else the last space, else anywhere but inside a surrogate pair;
	 * the break's whitespace is dropped. One piece when the text fits.
	 */
	static List<String> split(String text, int limit) {
		List<String> pieces = new ArrayList<>();
		Cut cut = cut(text, limit);
		while (!cut.tail().isEmpty()) {
			addUnlessBlank(pieces, cut.head());
			cut = cut(cut.tail(), limit);
		}
		if (!cut.head().isBlank() || pieces.isEmpty()) {
			pieces.add(cut.head());
		}
		return pieces;
	}

	/**
	 * The first piece of at most {@code limit}, broken as {@link #split(String, int)}
	 * does, and the rest (empty when the text fits).
	 */
	static Cut cut(String text, int limit) {
		requireRoomForAPair(limit);
		if (text.length() <= limit) {
			return new Cut(text, "");
		}
		int at = lastBreak(text, limit, true);
		if (at <= 0) {
			at = lastBreak(text, limit, false);
		}
		if (at > 0) {
			return new Cut(text.substring(0, at).stripTrailing(), text.substring(at + 1).stripLeading());
		}
		int hard = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
		return new Cut(text.substring(0, hard), text.substring(hard));
	}

	/**
	 * The last piece of at most {@code limit}, as long as it can be while starting at a
	 * line break (else a space, else anywhere but inside a surrogate pair), and what
	 * comes before it (empty when the text fits).
	 */
	static Cut cutLast(String text, int limit) {
		requireRoomForAPair(limit);
		if (text.length() <= limit) {
			return new Cut("", text);
		}
		int from = text.length() - limit - 1;
		int at = firstBreak(text, from, true);
		if (at < 0) {
			at = firstBreak(text, from, false);
		}
		if (at >= 0) {
			return new Cut(text.substring(0, at).stripTrailing(), text.substring(at + 1).stripLeading());
		}
		int hard = Character.isLowSurrogate(text.charAt(from + 1)) ? from + 2 : from + 1;
		return new Cut(text.substring(0, hard), text.substring(hard));
	}

	/**
	 * A text and what is left of it.
	 *
	 * @param head the first part
	 * @param tail the second part
	 */
	record Cut(String head, String tail) {
	}

	private static String neutralised(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(c);
			if (MARKERS.indexOf(c) >= 0) {
				out.append(ZERO_WIDTH_SPACE);
			}
		}
		return out.toString();
	}

	/** Markers around the text without its outer whitespace, which WhatsApp ignores. */
	private static void styled(String text, String marker, StringBuilder out) {
		String core = text.strip();
		if (core.isEmpty()) {
			out.append(text);
			return;
		}
		int start = text.length() - text.stripLeading().length();
		out.append(text, 0, start)
			.append(marker)
			.append(core)
			.append(marker)
			.append(text, start + core.length(), text.length());
	}

	/** The index of the last line break (or space) whose head fits, or -1. */
	private static int lastBreak(String text, int limit, boolean lineBreak) {
		for (int i = limit; i > 0; i--) {
			if (isBreak(text.charAt(i), lineBreak)) {
				return i;
			}
		}
		return -1;
	}

	/** The index of the first line break (or space) at or after {@code from}, or -1. */
	private static int firstBreak(String text, int from, boolean lineBreak) {
		for (int i = from; i < text.length() - 1; i++) {
			if (isBreak(text.charAt(i), lineBreak)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isBreak(char c, boolean lineBreak) {
		return lineBreak ? c == '\n' : Character.isWhitespace(c);
	}

	private static void requireRoomForAPair(int limit) {
		if (limit < 2) {
			throw new IllegalArgumentException("a piece must hold at least 2 chars, got " + limit);
		}
	}

	private static void addUnlessBlank(List<String> pieces, String piece) {
		if (!piece.isBlank()) {
			pieces.add(piece);
		}
	}

}
