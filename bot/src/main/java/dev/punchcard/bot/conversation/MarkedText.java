package dev.punchcard.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A text with the engine's small, channel-neutral mark-up: spans of plain, bold, italic
 * or code text, and mentions of commands. Span texts are what the user sees, never
 * mark-up of any platform: each edge renders the styles its own way (Telegram HTML,
 * WhatsApp {@code *bold*}) and escapes the text for it, so nothing typed by a user can
 * change the formatting.
 *
 * <p>
 * Bundles write the mark-up as {@code *bold*}, {@code _italic_} and {@code `code`}
 * (styles do not nest), with {@code \} before a marker that is meant literally, and a
 * command as {@code /name}: a command span, which each edge shows as its channel's way to
 * give that command (Telegram {@code /help}, WhatsApp the word {@code help}); see
 * {@link #parse(String, UnaryOperator, BiFunction)}.
 *
 * @param spans the spans, in order; adjacent spans of one style are merged
 */
public record MarkedText(List<Span> spans) {

	private static final MarkedText EMPTY = new MarkedText(List.of());

	/** A command in bundle text: {@code /name} after a start, a space or a bracket. */
	private static final Pattern COMMAND = Pattern.compile("(?<![^\\s(])/([a-z]{2,32})\\b");

	public MarkedText {
		spans = merged(spans);
	}

	/** How a span looks. */
	public enum Style {

		PLAIN, BOLD, ITALIC, CODE,
		/** A command to type; {@link Span#command()} names it. */
		COMMAND

	}

	/**
	 * A run of text in one style.
	 *
	 * @param text the text as shown; for a command, the word that gives it in the text's
	 * language
	 * @param style its style
	 * @param command for a command span, the command's name (without slash); else null
	 */
	public record Span(String text, Style style, @Nullable String command) {

		public Span {
			if ((style == Style.COMMAND) != (command != null)) {
				throw new IllegalArgumentException("a command span, and only a command span, names a command");
			}
		}

		public Span(String text, Style style) {
			this(text, style, null);
		}

		/** A mention of the command, shown as {@code word} where commands are words. */
		public static Span command(String command, String word) {
			return new Span(word, Style.COMMAND, command);
		}

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

	/** As {@link #parse(String, UnaryOperator, BiFunction)}, commands shown by name. */
	public static MarkedText parse(String markup, UnaryOperator<String> fill) {
		return parse(markup, fill, (command, word) -> word);
	}

	/**
	 * Reads bundle mark-up: {@code *…*} bold, {@code _…_} italic, {@code `…`} code,
	 * {@code \x} a literal {@code x}, {@code /name} (at the start or after a space or an
	 * opening bracket, in plain text) a command. A marker that is never closed is taken
	 * literally. {@code fill} turns the raw text of each span into what is shown (e.g.
	 * formats its arguments), so arguments never pass through the mark-up reader;
	 * {@code word} gives the word shown for a command (given the command and its name).
	 */
	public static MarkedText parse(String markup, UnaryOperator<String> fill, BiFunction<String, String, String> word) {
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
			addPlain(spans, plain.toString(), fill, word);
			plain.setLength(0);
			add(spans, unescaped(markup.substring(i + 1, close)), style, fill);
			i = close + 1;
		}
		addPlain(spans, plain.toString(), fill, word);
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

	/**
	 * What the user reads, without styles (labels, notices, length checks); commands as
	 * {@code /name}.
	 */
	public String plainText() {
		StringBuilder text = new StringBuilder();
		this.spans.forEach((span) -> text.append((span.command() != null) ? "/" + span.command() : span.text()));
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
				case COMMAND -> null;
			};
			if (marker == null) {
				out.append('/').append(span.command());
			}
			else {
				out.append(marker).append(span.text().replaceAll("([\\\\*_`])", "\\\\$1")).append(marker);
			}
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

	/** Plain text with the commands it mentions as command spans. */
	private static void addPlain(List<Span> spans, String raw, UnaryOperator<String> fill,
			BiFunction<String, String, String> word) {
		Matcher command = COMMAND.matcher(raw);
		int from = 0;
		while (command.find()) {
			add(spans, raw.substring(from, command.start(1) - 1), Style.PLAIN, fill);
			spans.add(Span.command(command.group(1), word.apply(command.group(1), command.group(1))));
			from = command.end();
		}
		add(spans, raw.substring(from), Style.PLAIN, fill);
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
			if (last >= 0 && merged.get(last).style() == span.style() && span.style() != Style.COMMAND) {
				merged.set(last, new Span(merged.get(last).text() + span.text(), span.style()));
			}
			else {
				merged.add(span);
			}
		}
		return List.copyOf(merged);
	}

}
