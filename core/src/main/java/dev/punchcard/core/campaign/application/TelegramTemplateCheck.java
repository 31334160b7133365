package dev.punchcard.core.campaign.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.punchcard.core.campaign.application.TelegramTemplateCommand.ButtonInput;
import dev.punchcard.core.campaign.domain.MemberField;
import dev.punchcard.core.campaign.domain.Placeholders;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a Telegram template: a name of 1 to 100 characters; a text for at least
 * one language ({@code en}, {@code en-GB}, …), none blank, each within Telegram's limit
 * (4096 characters, 1024 as an image's caption, counted as written); placeholders only of
 * the member fields; at most {@value #MAX_BUTTONS} buttons, each with a label of at most
 * {@value #LABEL_LIMIT} characters (one for every language, or one per language of the
 * texts that includes the default language) and either an http(s) URL or a command; no
 * control characters anywhere but line breaks and tabs in the texts.
 */
public final class TelegramTemplateCheck {

	static final int NAME_LIMIT = 100;

	static final int TEXT_LIMIT = 4096;

	static final int CAPTION_LIMIT = 1024;

	static final int MAX_BUTTONS = 3;

	static final int LABEL_LIMIT = 64;

	static final int URL_LIMIT = 1024;

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

	private static final Pattern COMMAND = Pattern.compile("[a-z]{2,32}");

	private TelegramTemplateCheck() {
	}

	/** The checked template, or every field that is wrong. */
	public static Checked check(TelegramTemplateCommand command) {
		List<FieldError> errors = new ArrayList<>();
		String name = name(command.name(), errors);
		TemplateImage image = (command.image() != null) ? command.image() : TemplateImage.NONE;
		Map<String, String> texts = texts(command.texts(), image, errors);
		List<TelegramButton> buttons = buttons(command.buttons(), texts.keySet(), errors);
		return errors.isEmpty() ? new Checked.Valid(name, texts, image, buttons) : new Checked.Invalid(errors);
	}

	private static String name(@Nullable String name, List<FieldError> errors) {
		String stripped = (name == null) ? "" : name.strip();
		if (stripped.isEmpty()) {
			errors.add(new FieldError("name", "must not be blank"));
		}
		else if (stripped.length() > NAME_LIMIT) {
			errors.add(new FieldError("name", "must be at most " + NAME_LIMIT + " characters"));
		}
		else if (!PlainText.isSingleLine(stripped)) {
			errors.add(new FieldError("name", "must not contain control characters"));
		}
		return stripped;
	}

	private static Map<String, String> texts(@Nullable Map<String, String> texts, TemplateImage image,
			List<FieldError> errors) {
		if (texts == null || texts.isEmpty()) {
			errors.add(new FieldError("texts", "must give the text in at least one language, e.g. {\"en\": \"...\"}"));
			return Map.of();
		}
		int limit = (image == TemplateImage.NONE) ? TEXT_LIMIT : CAPTION_LIMIT;
		Map<String, String> checked = new TreeMap<>();
		texts.forEach((language, text) -> {
			String field = "texts." + shortened(language);
			if (!LANGUAGE.matcher(language).matches()) {
				errors.add(new FieldError(field, "is not a language tag such as en, ru or en-GB"));
			}
			else if (text == null || text.isBlank()) {
				errors.add(new FieldError(field, "must not be blank"));
			}
			else {
				text(field, text, limit, image, errors);
				checked.put(language, text);
			}
		});
		return checked;
	}

	private static void text(String field, String text, int limit, TemplateImage image, List<FieldError> errors) {
		if (!PlainText.isMultiLine(text)) {
			errors.add(new FieldError(field, "must not contain control characters other than line breaks and tabs"));
		}
		else if (text.length() > limit) {
			errors.add(new FieldError(field, "must be at most " + limit + " characters" + ((image == TemplateImage.NONE)
					? " (Telegram's limit of a message)" : " (Telegram's limit of an image's caption)")));
		}
		placeholders(field, text, errors);
	}

	private static List<TelegramButton> buttons(@Nullable List<ButtonInput> buttons, Set<String> languages,
			List<FieldError> errors) {
		if (buttons == null) {
			return List.of();
		}
		if (buttons.size() > MAX_BUTTONS) {
			errors.add(new FieldError("buttons", "may hold at most " + MAX_BUTTONS + " buttons"));
			return List.of();
		}
		List<TelegramButton> checked = new ArrayList<>();
		for (int i = 0; i < buttons.size(); i++) {
			TelegramButton button = button("buttons[" + i + "]", buttons.get(i), languages, errors);
			if (button != null) {
				checked.add(button);
			}
		}
		return checked;
	}

	private static @Nullable TelegramButton button(String field, ButtonInput input, Set<String> languages,
			List<FieldError> errors) {
		int before = errors.size();
		Map<String, String> labels = (input.labels() == null) ? Map.of()
				: labels(field, input.labels(), languages, errors);
		String label = (input.labels() == null) ? label(field + ".label", input.label(), errors)
				: labels.getOrDefault(languages.isEmpty() ? "" : TelegramTemplate.defaultLanguage(languages), "");
		if ((input.url() == null) == (input.command() == null)) {
			errors.add(new FieldError(field, "must have either a url or a command, not both"));
			return null;
		}
		if (input.url() != null) {
			url(field + ".url", input.url(), errors);
		}
		else if (!COMMAND.matcher(input.command()).matches()) {
			errors.add(
					new FieldError(field + ".command", "must be a command name such as rewards (2 to 32 letters a-z)"));
		}
		return (errors.size() == before) ? new TelegramButton(label, labels, input.url(), input.command()) : null;
	}

	private static String label(String field, @Nullable String given, List<FieldError> errors) {
		String label = (given == null) ? "" : given.strip();
		if (label.isEmpty() || label.length() > LABEL_LIMIT || !PlainText.isSingleLine(label)) {
			errors.add(new FieldError(field, "must be 1 to " + LABEL_LIMIT + " characters without control characters"));
		}
		return label;
	}

	/**
	 * Labels per language: each of a language the template has a text in, and one in its
	 * default language (what members of the other languages see).
	 */
	private static Map<String, String> labels(String field, Map<String, String> given, Set<String> languages,
			List<FieldError> errors) {
		Map<String, String> labels = new TreeMap<>();
		given.forEach((language, text) -> {
			String labelField = field + ".label." + shortened(language);
			if (!languages.contains(language)) {
				errors.add(new FieldError(labelField, "is not a language of the template's texts ("
						+ String.join(", ", new TreeSet<>(languages)) + ")"));
			}
			else {
				labels.put(language, label(labelField, text, errors));
			}
		});
		if (!languages.isEmpty() && !given.containsKey(TelegramTemplate.defaultLanguage(languages))) {
			errors.add(new FieldError(field + ".label", "must give a label in the template's default language "
					+ TelegramTemplate.defaultLanguage(languages) + " (English if it has an English text)"));
		}
		return labels;
	}

	private static void url(String field, String url, List<FieldError> errors) {
		// a placeholder may start the URL (a referral link) or fill a part of it
		String probe = url.startsWith("{{") && url.contains("}}") ? "https://x" + url.substring(url.indexOf("}}") + 2)
				: url;
		if (url.length() > URL_LIMIT || !PlainText.isSingleLine(url)
				|| !URL.matcher(Placeholders.filled(probe, (name) -> "x")).matches()) {
			errors.add(new FieldError(field,
					"must be an http:// or https:// address of at most " + URL_LIMIT + " characters without spaces"));
			return;
		}
		placeholders(field, url, errors);
	}

	private static void placeholders(String field, String text, List<FieldError> errors) {
		for (String placeholder : Placeholders.in(text)) {
			if (MemberField.byKey(placeholder).isEmpty()) {
				errors.add(new FieldError(field, "has the unknown placeholder {{" + shortened(placeholder)
						+ "}}; the placeholders are " + MemberField.keys()));
			}
		}
	}

	private static String shortened(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

	/** The result of a check. */
	public sealed interface Checked {

		/** Every rule holds. */
		record Valid(String name, Map<String, String> texts, TemplateImage image,
				List<TelegramButton> buttons) implements Checked {
		}

		/** What is wrong, field by field. */
		record Invalid(List<FieldError> errors) implements Checked {
		}

	}

}
