package dev.punchcard.bot.reply;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The bot's texts, from {@code messages/bot*.properties}. Every argument is HTML-escaped
 * before it is put into a text, so a name like {@code <b>Bob</b>} shows as typed and
 * cannot change the formatting.
 */
@Component
public class Texts {

	public static final Set<String> LANGUAGES = Set.of("en", "ru");

	private final MessageSource messages;

	public Texts() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages/bot");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		this.messages = source;
	}

	/** The text for the key in the language, with escaped arguments. */
	public String html(String language, String key, Object... args) {
		Object[] escaped = Arrays.stream(args).map(Texts::escape).toArray();
		String pattern = this.messages.getMessage(key, null, Locale.forLanguageTag(supported(language)));
		return new MessageFormat(pattern, Locale.forLanguageTag(supported(language))).format(escaped);
	}

	/** The language if the bot speaks it, else English. */
	public static String supported(String language) {
		if (language == null) {
			return "en";
		}
		String base = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
		return LANGUAGES.contains(base) ? base : "en";
	}

	private static Object escape(Object arg) {
		return (arg instanceof String text) ? HtmlUtils.htmlEscape(text) : arg;
	}

}
