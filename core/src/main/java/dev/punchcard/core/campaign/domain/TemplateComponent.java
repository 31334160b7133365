package dev.punchcard.core.campaign.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One component of a WhatsApp template, as Meta lists it, with the parameters it needs.
 *
 * @param type {@code HEADER}, {@code BODY}, {@code FOOTER} or {@code BUTTONS}
 * @param format a header's format ({@code TEXT}, {@code IMAGE}, …), else null
 * @param text its text, with placeholders, or null (media headers, buttons)
 * @param parameters the placeholders of its text, in order of appearance
 * @param buttons a {@code BUTTONS} component's buttons, else empty
 */
public record TemplateComponent(String type, @Nullable String format, @Nullable String text, List<String> parameters,
		List<TemplateButton> buttons) {

	/**
	 * The header formats whose media Punchcard sends by link: the parameter
	 * {@code header.image}, {@code header.video} or {@code header.document}.
	 */
	public static final Set<String> MEDIA_FORMATS = Set.of("IMAGE", "VIDEO", "DOCUMENT");

	public TemplateComponent {
		type = type.toUpperCase(Locale.ROOT);
		parameters = List.copyOf(parameters);
		buttons = List.copyOf(buttons);
	}

	/** A component read from a listing, its parameters taken from its text. */
	public static TemplateComponent of(String type, @Nullable String format, @Nullable String text,
			List<TemplateButton> buttons) {
		return new TemplateComponent(type, format, text, (text == null) ? List.of() : Placeholders.in(text), buttons);
	}

	/**
	 * The keys of the values this component needs when sent: {@code header.1},
	 * {@code body.first_name}, {@code button.0.1} (a URL button's suffix),
	 * {@code header.image} (a media header's link).
	 */
	public List<String> parameterKeys() {
		List<String> keys = new ArrayList<>();
		mediaKey().ifPresent(keys::add);
		String prefix = this.type.toLowerCase(Locale.ROOT) + ".";
		for (String parameter : this.parameters) {
			keys.add(prefix + parameter);
		}
		for (int i = 0; i < this.buttons.size(); i++) {
			for (String parameter : this.buttons.get(i).parameters()) {
				keys.add("button." + i + "." + parameter);
			}
		}
		return keys;
	}

	/**
	 * The media a header shows ({@code image}, {@code video}, {@code document}), if it is
	 * a media header Punchcard can fill.
	 */
	public Optional<String> media() {
		if (!"HEADER".equals(this.type) || this.format == null
				|| !MEDIA_FORMATS.contains(this.format.toUpperCase(Locale.ROOT))) {
			return Optional.empty();
		}
		return Optional.of(this.format.toLowerCase(Locale.ROOT));
	}

	/** The key of a media header's link ({@code header.image}), if it is one. */
	public Optional<String> mediaKey() {
		return media().map((media) -> "header." + media);
	}

}
