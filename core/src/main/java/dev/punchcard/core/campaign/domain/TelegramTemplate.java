package dev.punchcard.core.campaign.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
	 * The text in the language, else in English, else in the first language it has.
	 */
	public String textFor(String language) {
		String text = this.texts.get(language);
		if (text == null) {
			text = this.texts.get("en");
		}
		return (text != null) ? text : new TreeMap<>(this.texts).firstEntry().getValue();
	}

}
