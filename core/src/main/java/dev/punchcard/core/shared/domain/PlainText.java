package dev.punchcard.core.shared.domain;

/**
 * The one rule for text that people type and the service stores: no control characters.
 * Refused are every Unicode control character (C0 {@code U+0000-U+001F}, {@code DEL} and
 * C1 {@code U+007F-U+009F}; PostgreSQL cannot store {@code U+0000} at all), the line and
 * paragraph separators {@code U+2028}/{@code U+2029}, and unpaired surrogates (no
 * character at all; they would be stored as {@code ?}). Multi-line text (a reward's
 * description) may also hold tab, line feed and carriage return.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * Whether the text holds none of the refused characters, tab and line breaks
	 * included.
	 */
	public static boolean isSingleLine(String text) {
		return firstRefused(text, false) < 0;
	}

	/**
	 * Whether the text holds none of the refused characters; tab and line breaks are
	 * allowed.
	 */
	public static boolean isMultiLine(String text) {
		return firstRefused(text, true) < 0;
	}

	/**
	 * The text, for a value object to check its own fields.
	 * @throws IllegalArgumentException when it holds a refused character
	 */
	public static String requireSingleLine(String text, String what) {
		if (!isSingleLine(text)) {
			throw new IllegalArgumentException(what + " must not contain control characters");
		}
		return text;
	}

	/**
	 * As {@link #requireSingleLine}, with tab and line breaks allowed.
	 * @throws IllegalArgumentException when it holds a refused character
	 */
	public static String requireMultiLine(String text, String what) {
		if (!isMultiLine(text)) {
			throw new IllegalArgumentException(what + " must not contain control characters other than line breaks");
		}
		return text;
	}

	/**
	 * The text with every refused character (line breaks and tabs included) replaced by a
	 * space, runs of whitespace collapsed to one space, and stripped: for names taken
	 * from a chat platform, which must be stored whatever the platform sends.
	 */
	public static String sanitizedSingleLine(String text) {
		StringBuilder clean = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int width = pairedWidth(text, i);
			boolean blank = width == 0 || isRefused(c, false) || Character.isWhitespace(c);
			if (blank) {
				space = clean.length() > 0;
				continue;
			}
			if (space) {
				clean.append(' ');
				space = false;
			}
			clean.append(text, i, i + width);
			i += width - 1;
		}
		return clean.toString();
	}

	/** Index of the first refused character, or -1. */
	private static int firstRefused(String text, boolean multiLine) {
		for (int i = 0; i < text.length(); i++) {
			int width = pairedWidth(text, i);
			if (width == 0 || isRefused(text.charAt(i), multiLine)) {
				return i;
			}
			i += width - 1;
		}
		return -1;
	}

	/** 1 for a plain char, 2 for a surrogate pair, 0 for an unpaired surrogate. */
	private static int pairedWidth(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) ? 2 : 0;
		}
		return Character.isLowSurrogate(c) ? 0 : 1;
	}

	private static boolean isRefused(char c, boolean multiLine) {
		if (multiLine && (c == '\t' || c == '\n' || c == '\r')) {
			return false;
		}
		return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
	}

}
