package dev.punchcard.app.api;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.punchcard.core.broadcast.application.BroadcastCommand;
import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * Reading a broadcast body field by field, so that an unknown field or a value of the
 * wrong shape is a 400 naming it; what the values must be is checked in core.
 */
final class BroadcastBodies {

	private static final Set<String> FIELDS = Set.of("name", "segmentId", "channelPolicy", "whatsApp", "telegram",
			"scheduledAt", "timeZone", "quietHours");

	private static final Set<String> CHOICE_FIELDS = Set.of("templateId", "bindings", "voucherRewardId");

	private static final Set<String> QUIET_FIELDS = Set.of("from", "until");

	private BroadcastBodies() {
	}

	/** The command the body makes, or what is wrong with its shape. */
	static TemplateBodies.Read<BroadcastCommand> command(Map<String, Object> body, StaffId by) {
		List<FieldError> errors = new ArrayList<>(TemplateBodies.unknown(body, FIELDS, ""));
		String name = text(body.get("name"), "name", errors);
		UUID segment = TemplateBodies.uuid(body.get("segmentId"), "segmentId", errors);
		ChannelPolicy policy = policy(body.get("channelPolicy"), errors);
		TemplateChoice whatsApp = choice(body.get("whatsApp"), "whatsApp", errors);
		TemplateChoice telegram = choice(body.get("telegram"), "telegram", errors);
		LocalDateTime scheduledAt = scheduledAt(body.get("scheduledAt"), errors);
		String timeZone = text(body.get("timeZone"), "timeZone", errors);
		LocalTime[] quiet = quiet(body.get("quietHours"), errors);
		if (!errors.isEmpty()) {
			return new TemplateBodies.Read.Wrong<>(errors);
		}
		return new TemplateBodies.Read.Ok<>(
				new BroadcastCommand(name, (segment == null) ? null : new SegmentId(segment), policy, whatsApp,
						telegram, scheduledAt, timeZone, quiet[0], quiet[1], by));
	}

	private static @Nullable ChannelPolicy policy(@Nullable Object value, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		try {
			return ChannelPolicy.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			errors.add(
					new FieldError("channelPolicy", "must be WHATSAPP_ONLY, TELEGRAM_ONLY or PREFERRED_WITH_FALLBACK"));
			return null;
		}
	}

	private static @Nullable TemplateChoice choice(@Nullable Object value, String field, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			errors.add(new FieldError(field, "must be an object with templateId, bindings and voucherRewardId"));
			return null;
		}
		List<FieldError> found = new ArrayList<>(TemplateBodies.unknown(map, CHOICE_FIELDS, ""));
		UUID template = TemplateBodies.uuid(map.get("templateId"), "templateId", found);
		if (map.get("templateId") == null) {
			found.add(new FieldError("templateId", "is required: the template to send"));
		}
		UUID reward = TemplateBodies.uuid(map.get("voucherRewardId"), "voucherRewardId", found);
		Map<String, Binding> bindings = TemplateBodies.bindings(map.get("bindings"), found);
		found.forEach((error) -> errors.add(new FieldError(field + "." + error.field(), error.message())));
		if (!found.isEmpty() || template == null) {
			return null;
		}
		return new TemplateChoice(new TemplateId(template),
				new TemplateUse(bindings, (reward == null) ? null : new RewardId(reward)));
	}

	private static @Nullable LocalDateTime scheduledAt(@Nullable Object value, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		try {
			if (value instanceof String text && text.length() <= 32) {
				return LocalDateTime.parse(text);
			}
		}
		catch (DateTimeParseException wrong) {
			// reported below
		}
		errors.add(new FieldError("scheduledAt",
				"must be a local date and time like 2026-12-24T09:00, read in the broadcast's timeZone"));
		return null;
	}

	private static LocalTime[] quiet(@Nullable Object value, List<FieldError> errors) {
		LocalTime[] quiet = new LocalTime[2];
		if (value == null) {
			return quiet;
		}
		if (!(value instanceof Map<?, ?> map)) {
			errors.add(new FieldError("quietHours", "must be an object with from and until, like 21:00 and 08:00"));
			return quiet;
		}
		errors.addAll(TemplateBodies.unknown(map, QUIET_FIELDS, "quietHours."));
		quiet[0] = time(map.get("from"), "quietHours.from", errors);
		quiet[1] = time(map.get("until"), "quietHours.until", errors);
		return quiet;
	}

	private static @Nullable LocalTime time(@Nullable Object value, String field, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		try {
			if (value instanceof String text && text.length() <= 16) {
				return LocalTime.parse(text);
			}
		}
		catch (DateTimeParseException wrong) {
			// reported below
		}
		errors.add(new FieldError(field, "must be a local time like 21:00"));
		return null;
	}

	private static @Nullable String text(@Nullable Object value, String field, List<FieldError> errors) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		errors.add(new FieldError(field, "must be a text"));
		return null;
	}

}
