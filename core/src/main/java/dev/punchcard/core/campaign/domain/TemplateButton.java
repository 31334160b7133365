package dev.punchcard.core.campaign.domain;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A button of a WhatsApp template.
 *
 * @param type {@code QUICK_REPLY}, {@code URL}, {@code PHONE_NUMBER}, …
 * @param text its label
 * @param url a URL button's address, with a {@code {{1}}} suffix when it is dynamic
 * @param parameters the placeholders of its URL
 */
public record TemplateButton(String type, String text, @Nullable String url, List<String> parameters) {

	public TemplateButton {
		type = type.toUpperCase(Locale.ROOT);
		parameters = List.copyOf(parameters);
	}

	public static TemplateButton of(String type, String text, @Nullable String url) {
		return new TemplateButton(type, text, url, (url == null) ? List.of() : Placeholders.in(url));
	}

}
