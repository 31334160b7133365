package dev.punchcard.core.campaign.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;

/**
 * A Telegram message template written in Punchcard (Telegram has none of its own).
 *
 * @param id its id
 * @param name its name, unique ignoring case
 * @param texts the text per language tag ({@code en}, {@code ru}), in the engine's
 * neutral mark-up with {@code {{placeholder}}}s
 * @param image the image sent with it
 * @param buttons the buttons under it, one per row
 * @param createdBy who wrote it
 * @param createdAt when
 * @param updatedBy who changed it last
 * @param updatedAt when
 */
public record TelegramTemplate(TemplateId id, String name, Map<String, String> texts, TemplateImage image,
		List<TelegramButton> buttons, StaffId createdBy, Instant createdAt, StaffId updatedBy,
		Instant updatedAt) implements MessageTemplate {

	public TelegramTemplate {
		texts = Map.copyOf(new TreeMap<>(texts));
		buttons = List.copyOf(buttons);
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.TELEGRAM;
	}

	/** Its placeholders (from every language's text and the buttons' URLs), sorted. */
	@Override
	public List<String> parameterKeys() {
		LinkedHashSet<String> keys = new LinkedHashSet<>();
		new TreeMap<>(this.texts).values().forEach((text) -> keys.addAll(Placeholders.in(text)));
		this.buttons.forEach((button) -> keys.addAll(button.placeholders()));
		return keys.stream().sorted().toList();
	}

	/**
	 * The text in the language, else in its default language
	 * ({@link #defaultLanguage()}).
	 */
	public String textFor(String language) {
		return this.texts.get(shownLanguage(language));
	}

	/**
	 * A button's label for a member of the language: in the language its text is shown
	 * in, else the button's default label (in the template's default language).
	 */
	public String labelFor(TelegramButton button, String language) {
		return button.labelIn(shownLanguage(language));
	}

	/** English when it has an English text, else its first language in order. */
	public String defaultLanguage() {
		return defaultLanguage(this.texts.keySet());
	}

	/**
	 * The default language of a template with texts in these languages: English when
	 * among them, else the first in order.
	 */
	public static String defaultLanguage(Collection<String> languages) {
		return languages.contains("en") ? "en" : new TreeSet<>(languages).first();
	}

	private String shownLanguage(String language) {
		return this.texts.containsKey(language) ? language : defaultLanguage();
	}

}
