package dev.punchcard.bot.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits Telegram HTML into pieces of at most a given length: at a line break when one
 * fits, else at a space, else anywhere outside a tag or an entity. Tags open at a cut are
 * closed at the end of one piece and opened again at the start of the next, so each piece
 * is valid on its own. Lengths count the markup too, which errs on the safe side of
 * Telegram's limits (counted after entity parsing).
 */
final class HtmlChunks {

	private HtmlChunks() {
	}

	/** The pieces, in order; one piece when the text fits. */
	static List<String> split(String html, int limit) {
		List<String> pieces = new ArrayList<>();
		String rest = html;
		while (rest.length() > limit) {
			Cut cut = cut(rest, limit);
			pieces.add(cut.head());
			rest = cut.tail();
		}
		if (!rest.isBlank() || pieces.isEmpty()) {
			pieces.add(rest);
		}
		return pieces;
	}

	/** The first piece of at most {@code limit} and what is left (empty when it fits). */
	static Cut cut(String html, int limit) {
		if (html.length() <= limit) {
			return new Cut(html, "");
		}
		Deque<String[]> open = new ArrayDeque<>();
		Breaks breaks = new Breaks();
		int i = 0;
		while (i < html.length()) {
			int end = tokenEnd(html, i);
			track(html.substring(i, end), open);
			i = end;
			if (i + closing(open) > limit) {
				break;
			}
			breaks.offer(html, i, open);
		}
		return breaks.best().apply(html);
	}

	private static int tokenEnd(String html, int i) {
		char c = html.charAt(i);
		int close = (c == '<') ? html.indexOf('>', i) : (c == '&') ? html.indexOf(';', i) : -1;
		if (close > i && (c == '<' || close - i <= 10)) {
			return close + 1;
		}
		return (Character.isHighSurrogate(c) && i + 1 < html.length()) ? i + 2 : i + 1;
	}

	private static void track(String token, Deque<String[]> open) {
		if (!token.startsWith("<") || token.length() < 3) {
			return;
		}
		if (token.startsWith("</")) {
			String name = token.substring(2, token.length() - 1).trim();
			while (!open.isEmpty() && !open.pop()[0].equals(name)) {
				// an unbalanced tag: drop what was opened inside it
			}
			return;
		}
		String name = token.substring(1, token.length() - 1).trim().split("\\s+", 2)[0];
		open.push(new String[] { name, token });
	}

	private static int closing(Deque<String[]> open) {
		return open.stream().mapToInt((tag) -> tag[0].length() + 3).sum();
	}

	/**
	 * A piece and the rest.
	 *
	 * @param head the first piece, tags closed
	 * @param tail the rest, its tags opened again; empty when nothing is left
	 */
	record Cut(String head, String tail) {
	}

	/**
	 * The latest cut positions seen so far, by preference: line break, space, anywhere.
	 */
	private static final class Breaks {

		private final Position[] latest = new Position[3];

		void offer(String html, int at, Deque<String[]> open) {
			char before = html.charAt(at - 1);
			int kind = (before == '\n') ? 0 : Character.isWhitespace(before) ? 1 : 2;
			this.latest[kind] = new Position(at, List.copyOf(open));
		}

		Position best() {
			for (Position position : this.latest) {
				if (position != null) {
					return position;
				}
			}
			throw new IllegalArgumentException("limit too small to cut this text");
		}

	}

	/** A place to cut, with the tags open there (innermost first). */
	private record Position(int at, List<String[]> open) {

		Cut apply(String html) {
			StringBuilder head = new StringBuilder(html.substring(0, this.at).stripTrailing());
			StringBuilder reopen = new StringBuilder();
			for (String[] tag : this.open) {
				head.append("</").append(tag[0]).append('>');
				reopen.insert(0, tag[1]);
			}
			String rest = html.substring(this.at).stripLeading();
			return new Cut(head.toString(), rest.isEmpty() ? "" : reopen + rest);
		}

	}

}
