package dev.punchcard.core.campaign.application;

import java.util.List;
import java.util.Map;

import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * A Telegram template as a marketer wrote it, unchecked.
 *
 * @param name its name
 * @param texts text per language tag
 * @param image its image; null for none
 * @param buttons its buttons; null for none
 * @param by who asks
 */
public record TelegramTemplateCommand(@Nullable String name, @Nullable Map<String, String> texts,
		@Nullable TemplateImage image, @Nullable List<ButtonInput> buttons, StaffId by) {

	/**
	 * A button as written: a label, or labels per language tag, and a URL or a command.
	 *
	 * @param label one label for every language, or null
	 * @param labels a label per language tag instead, or null
	 * @param url the address it opens, or null
	 * @param command the command it gives, or null
	 */
	public record ButtonInput(@Nullable String label, @Nullable Map<String, String> labels, @Nullable String url,
			@Nullable String command) {

		/** A button with one label for every language. */
		public ButtonInput(@Nullable String label, @Nullable String url, @Nullable String command) {
			this(label, null, url, command);
		}

	}

}
