package dev.punchcard.app.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.punchcard.core.campaign.application.TelegramTemplateCommand;
import dev.punchcard.core.campaign.application.TelegramTemplateCommand.ButtonInput;
import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.MemberField;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * Reading the untyped template bodies field by field, so that an unknown field or a value
 * of the wrong shape is a 400 naming it; what the values must be is checked in core.
 */
final class TemplateBodies {

	private static final Set<String> TELEGRAM_FIELDS = Set.of("name", "texts", "image", "buttons");

	private static final Set<String> BUTTON_FIELDS = Set.of("label", "url", "command");

	private static final Set<String> PREVIEW_FIELDS = Set.of("customerId", "bindings", "voucherRewardId");

	private TemplateBodies() {
	}

	/** A Telegram template body read, or what is wrong with its shape. */
	sealed interface Read<T> {

		record Ok<T>(T value) implements Read<T> {
		}

		record Wrong<T>(List<FieldError> errors) implements Read<T> {
		}

	}

	static Read<TelegramTemplateCommand> telegram(Map<String, Object> body, StaffId by) {
		List<FieldError> errors = new ArrayList<>(unknown(body, TELEGRAM_FIELDS, ""));
		String name = text(body.get("name"), "name", errors);
		Map<String, String> texts = texts(body.get("texts"), errors);
		TemplateImage image = image(body.get("image"), errors);
		List<ButtonInput> buttons = buttons(body.get("buttons"), errors);
		return errors.isEmpty() ? new Read.Ok<>(new TelegramTemplateCommand(name, texts, image, buttons, by))
				: new Read.Wrong<>(errors);
	}

	/** A preview body: the member and the use. */
	record Preview(CustomerId customerId, TemplateUse use) {
	}

	static Read<Preview> preview(Map<String, Object> body) {
		List<FieldError> errors = new ArrayList<>(unknown(body, PREVIEW_FIELDS, ""));
		UUID customer = uuid(body.get("customerId"), "customerId", errors);
		if (customer == null && body.get("customerId") == null) {
			errors.add(new FieldError("customerId", "is required: the member to preview the message for"));
		}
		UUID reward = uuid(body.get("voucherRewardId"), "voucherRewardId", errors);
		Map<String, Binding> bindings = bindings(body.get("bindings"), errors);
		if (!errors.isEmpty() || customer == null) {
			return new Read.Wrong<>(errors);
		}
		return new Read.Ok<>(new Preview(new CustomerId(customer),
				new TemplateUse(bindings, (reward == null) ? null : new RewardId(reward))));
	}

	static Map<String, Binding> bindings(@Nullable Object value, List<FieldError> errors) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			errors.add(new FieldError("bindings", "must be an object of parameter keys and their bindings"));
			return Map.of();
		}
		Map<String, Binding> bindings = new LinkedHashMap<>();
		map.forEach((key, binding) -> {
			Binding read = binding(String.valueOf(key), binding, errors);
			if (read != null) {
				bindings.put(String.valueOf(key), read);
			}
		});
		return bindings;
	}

	private static @Nullable Binding binding(String key, @Nullable Object value, List<FieldError> errors) {
		String field = "bindings." + shortened(key);
		if (!(value instanceof Map<?, ?> map) || map.size() != 1
				|| !(map.containsKey("field") || map.containsKey("constant"))) {
			errors.add(new FieldError(field, "must be {\"field\": \"<member field>\"} or {\"constant\": \"<text>\"}"));
			return null;
		}
		Object given = map.containsKey("field") ? map.get("field") : map.get("constant");
		if (!(given instanceof String text)) {
			errors.add(new FieldError(field, "must hold a text"));
			return null;
		}
		if (map.containsKey("constant")) {
			return new Binding.ToConstant(text);
		}
		return MemberField.byKey(text).<Binding>map(Binding.ToField::new).orElseGet(() -> {
			errors.add(new FieldError(field + ".field",
					"is not a member field; the member fields are " + MemberField.keys()));
			return null;
		});
	}

	private static @Nullable Map<String, String> texts(@Nullable Object value, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			errors.add(new FieldError("texts", "must be an object of language tags and texts"));
			return null;
		}
		Map<String, String> texts = new LinkedHashMap<>();
		map.forEach((language, text) -> {
			if (text instanceof String string) {
				texts.put(String.valueOf(language), string);
			}
			else {
				errors.add(new FieldError("texts." + shortened(String.valueOf(language)), "must be a text"));
			}
		});
		return texts;
	}

	private static @Nullable TemplateImage image(@Nullable Object value, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		try {
			return TemplateImage.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			errors.add(new FieldError("image", "must be NONE, MEMBER_CARD or CAMPAIGN_VOUCHER"));
			return null;
		}
	}

	private static @Nullable List<ButtonInput> buttons(@Nullable Object value, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list)) {
			errors.add(new FieldError("buttons", "must be a list of buttons"));
			return null;
		}
		List<ButtonInput> buttons = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String field = "buttons[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> button)) {
				errors.add(new FieldError(field, "must be an object with a label and a url or a command"));
				continue;
			}
			errors.addAll(unknown(button, BUTTON_FIELDS, field + "."));
			Object label = button.get("label");
			buttons.add(new ButtonInput((label instanceof Map) ? null : text(label, field + ".label", errors),
					(label instanceof Map<?, ?> labels) ? labels(labels, field + ".label", errors) : null,
					text(button.get("url"), field + ".url", errors),
					text(button.get("command"), field + ".command", errors)));
		}
		return buttons;
	}

	/** A label per language tag: an object of texts, like {@code texts}. */
	private static Map<String, String> labels(Map<?, ?> given, String field, List<FieldError> errors) {
		Map<String, String> labels = new LinkedHashMap<>();
		given.forEach((language, label) -> {
			String key = String.valueOf(language);
			if (label instanceof String text) {
				labels.put(key, text);
			}
			else {
				errors.add(new FieldError(field + "." + shortened(key), "must be a text"));
			}
		});
		return labels;
	}

	private static @Nullable String text(@Nullable Object value, String field, List<FieldError> errors) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		errors.add(new FieldError(field, "must be a text"));
		return null;
	}

	static @Nullable UUID uuid(@Nullable Object value, String field, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		try {
			return StrictUuids.parse(String.valueOf(value));
		}
		catch (IllegalArgumentException notUuid) {
			errors.add(new FieldError(field, "must be a UUID like 123e4567-e89b-12d3-a456-426614174000"));
			return null;
		}
	}

	static List<FieldError> unknown(Map<?, ?> body, Set<String> known, String prefix) {
		return body.keySet()
			.stream()
			.map(String::valueOf)
			.filter((field) -> !known.contains(field))
			.map((field) -> new FieldError(prefix + shortened(field),
					"is not a field of this request; known fields are "
							+ String.join(", ", known.stream().sorted().toList())))
			.toList();
	}

	private static String shortened(String text) {
		return (text.length() > 100) ? text.substring(0, 100) : text;
	}

}
