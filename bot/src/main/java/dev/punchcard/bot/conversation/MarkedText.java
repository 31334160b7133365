package dev.punchcard.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A text with the engine's small, channel-neutral mark-up: spans of plain, bold, italic
 * or code text. Span texts are what the user sees, never mark-up of any platform: each
 * edge renders the styles its own way (Telegram HTML, WhatsApp {@code *bold*}) and
 * escapes the text for it, so nothing typed by a user can change the formatting.
 *
 * <p>
 * Bundles write the mark-up as {@code *bold*}, {@code _italic_} and {@code `code`}
 * (styles do not nest), with {@code \} before a marker that is meant literally; see
 * {@link #parse(String, UnaryOperator)}.
 *
 * @param spans the spans, in order; adjacent spans of one style are merged
 */
public record MarkedText(List<Span> spans) {

	private static final MarkedText EMPTY = new MarkedText(List.of());

	public MarkedText {
		spans = merged(spans);
	}

	/** How a span looks. */
	public enum Style {

		PLAIN, BOLD, ITALIC, CODE

	}

	/**
	 * A run of text in one style.
	 *
	 * @param text the text as shown
	 * @param style its style
	 */
	public record Span(String text, Style style) {
	}

	public static MarkedText empty() {
		return EMPTY;
	}

	public static MarkedText plain(String text) {
		return new MarkedText(List.of(new Span(text, Style.PLAIN)));
	}

	public static MarkedText bold(String text) {
		return new MarkedText(List.of(new Span(text, Style.BOLD)));
	}

	/**
	 * Reads bundle mark-up: {@code *…*} bold, {@code _…_} italic, {@code `…`} code,
	 * {@code \x} a literal {@code x}. A marker that is never closed is taken literally.
	 * {@code fill} turns the raw text of each span into what is shown (e.g. formats its
	 * arguments), so arguments never pass through the mark-up reader.
	 */
	public static MarkedText parse(String markup, UnaryOperator<String> fill) {
		List<Span> spans = new ArrayList<>();
		StringBuilder plain = new StringBuilder();
		int i = 0;
		while (i < markup.length()) {
			char c = markup.charAt(i);
			if (c == '\\' && i + 1 < markup.length()) {
				plain.append(markup.charAt(i + 1));
				i += 2;
				continue;
			}
			Style style = style(c);
			int close = (style != null) ? closing(markup, i + 1, c) : -1;
			if (close < 0) {
				plain.append(c);
				i++;
				continue;
			}
			add(spans, plain.toString(), Style.PLAIN, fill);
			plain.setLength(0);
			add(spans, unescaped(markup.substring(i + 1, close)), style, fill);
			i = close + 1;
		}
		add(spans, plain.toString(), Style.PLAIN, fill);
		return new MarkedText(spans);
	}

	/** This text followed by {@code other}. */
	public MarkedText append(MarkedText other) {
		List<Span> all = new ArrayList<>(this.spans);
		all.addAll(other.spans);
		return new MarkedText(all);
	}

	/** This text followed by plain {@code text}. */
	public MarkedText append(String text) {
		return append(plain(text));
	}

	/** The texts one after the other, {@code separator} (plain) between them. */
	public static MarkedText join(String separator, List<MarkedText> texts) {
		List<Span> all = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			if (i > 0) {
				all.add(new Span(separator, Style.PLAIN));
			}
			all.addAll(texts.get(i).spans);
		}
		return new MarkedText(all);
	}

	/** What the user reads, without styles (labels, notices, length checks). */
	public String plainText() {
		StringBuilder text = new StringBuilder();
		this.spans.forEach((span) -> text.append(span.text()));
		return text.toString();
	}

	public boolean isBlank() {
		return plainText().isBlank();
	}

	/**
	 * The text in the bundles' mark-up, markers in span texts escaped; for tests and
	 * logs.
	 */
	public String markup() {
		StringBuilder out = new StringBuilder();
		for (Span span : this.spans) {
			String marker = switch (span.style()) {
				case PLAIN -> "";
				case BOLD -> "*";
				case ITALIC -> "_";
				case CODE -> "`";
			};
			out.append(marker).append(span.text().replaceAll("([\\\\*_`])", "\\\\$1")).append(marker);
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return markup();
	}

	private static Style style(char c) {
		return switch (c) {
			case '*' -> Style.BOLD;
			case '_' -> Style.ITALIC;
			case '`' -> Style.CODE;
			default -> null;
		};
	}

	/** The index of the marker closing a span opened before {@code from}, or -1. */
	private static int closing(String markup, int from, char marker) {
		for (int i = from; i < markup.length(); i++) {
			char c = markup.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == marker) {
				return (i > from) ? i : -1;
			}
		}
		return -1;
	}

	private static String unescaped(String raw) {
		return raw.replaceAll("\\\\(.)", "$1");
	}

	private static void add(List<Span> spans, String raw, Style style, UnaryOperator<String> fill) {
		if (!raw.isEmpty()) {
			spans.add(new Span(fill.apply(raw), style));
		}
	}

	private static List<Span> merged(List<Span> spans) {
		List<Span> merged = new ArrayList<>(spans.size());
		for (Span span : spans) {
			if (span.text().isEmpty()) {
				continue;
			}
			int last = merged.size() - 1;
			if (last >= 0 && merged.get(last).style() == span.style()) {
				merged.set(last, new Span(merged.get(last).text() + span.text(), span.style()));
			}
			else {
				merged.add(span);
			}
		}
		return List.copyOf(merged);
	}

}
