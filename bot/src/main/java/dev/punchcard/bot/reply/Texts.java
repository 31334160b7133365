package dev.punchcard.bot.reply;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.punchcard.bot.conversation.CommandWords;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.MarkedText.Span;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The bot's texts, from {@code messages/bot*.properties}, written in the engine's neutral
 * mark-up ({@code *bold*}, {@code _italic_}, {@code `code`}; see {@link MarkedText}). The
 * mark-up is read from the bundle's pattern before any argument is put in, so an argument
 * (a name like {@code *Bob*} or {@code <b>Bob</b>}) always shows as typed; the edges
 * escape it for their platform. An argument that is itself a {@link MarkedText} keeps its
 * styles. A {@code /command} in a text becomes a command span showing the command's word
 * in the text's language ({@link CommandWords}), so each channel names its own way to
 * give it.
 */
@Component
public class Texts {

	public static final Set<String> LANGUAGES = Set.of("en", "ru");

	/** Brackets a marked-text argument while the pattern is formatted. */
	private static final char OPEN = '\uE000';

	private static final char CLOSE = '\uE001';

	private static final Pattern SLOT = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

	private final MessageSource messages;

	public Texts() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages/bot");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		this.messages = source;
	}

	/** The text for the key in the language, with its arguments put in. */
	public MarkedText text(String language, String key, Object... args) {
		Locale locale = Locale.forLanguageTag(supported(language));
		String pattern = this.messages.getMessage(key, null, locale);
		Object[] slots = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			slots[i] = (args[i] instanceof MarkedText) ? OPEN + String.valueOf(i) + CLOSE : withoutSlotMarks(args[i]);
		}
		MarkedText formatted = MarkedText.parse(pattern, (raw) -> new MessageFormat(raw, locale).format(slots),
				(command, name) -> CommandWords.word(command, language));
		return filled(formatted, args);
	}

	/** The text without styles: button labels, notices. */
	public String plain(String language, String key, Object... args) {
		return text(language, key, args).plainText();
	}

	/** The language if the bot speaks it, else English. */
	public static String supported(String language) {
		if (language == null) {
			return "en";
		}
		String base = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
		return LANGUAGES.contains(base) ? base : "en";
	}

	private static Object withoutSlotMarks(Object arg) {
		return (arg instanceof String text) ? text.replace(OPEN, ' ').replace(CLOSE, ' ') : arg;
	}

	/** Replaces each marked-text argument's slot by its spans. */
	private static MarkedText filled(MarkedText formatted, Object[] args) {
		List<MarkedText> parts = new ArrayList<>();
		for (Span span : formatted.spans()) {
			if (span.style() == MarkedText.Style.COMMAND) {
				parts.add(new MarkedText(List.of(span)));
				continue;
			}
			Matcher slot = SLOT.matcher(span.text());
			int from = 0;
			while (slot.find()) {
				parts.add(styled(span.text().substring(from, slot.start()), span.style()));
				parts.add((MarkedText) args[Integer.parseInt(slot.group(1))]);
				from = slot.end();
			}
			parts.add(styled(span.text().substring(from), span.style()));
		}
		return MarkedText.join("", parts);
	}

	private static MarkedText styled(String text, MarkedText.Style style) {
		return new MarkedText(List.of(new Span(text, style)));
	}

}
