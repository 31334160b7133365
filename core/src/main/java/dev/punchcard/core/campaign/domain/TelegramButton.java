package dev.punchcard.core.campaign.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A button under a Telegram template's message: it opens a URL (which may hold
 * placeholders) or gives the bot a command, exactly one of them.
 *
 * @param label what it shows, plain text: in the template's default language when it has
 * {@code labels}
 * @param labels what it shows per language tag, like the template's texts; empty when the
 * one {@code label} serves every language
 * @param url the address it opens, or null
 * @param command the command it gives (e.g. {@code rewards}), or null
 */
public record TelegramButton(String label, Map<String, String> labels, @Nullable String url, @Nullable String command) {

	public TelegramButton {
		if ((url == null) == (command == null)) {
			throw new IllegalArgumentException("a button opens a URL or gives a command, exactly one of them");
		}
		labels = Map.copyOf(new TreeMap<>(labels));
	}

	/** A button with one label for every language. */
	public TelegramButton(String label, @Nullable String url, @Nullable String command) {
		this(label, Map.of(), url, command);
	}

	/** The placeholders of its URL. */
	public List<String> placeholders() {
		return (this.url == null) ? List.of() : Placeholders.in(this.url);
	}

	/** Its label in the language, else its default {@code label}. */
	public String labelIn(String language) {
		return this.labels.getOrDefault(language, this.label);
	}

}
