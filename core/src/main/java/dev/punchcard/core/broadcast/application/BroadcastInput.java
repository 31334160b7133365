package dev.punchcard.core.broadcast.application;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.segment.application.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a broadcast command that need nothing stored: name, segment and policy
 * given, a template exactly for each channel the policy uses, a known time zone, a
 * schedule ahead, quiet hours both or neither and not empty.
 */
final class BroadcastInput {

	static final int NAME_LIMIT = 100;

	static final ZoneId UTC = ZoneId.of("UTC");

	private BroadcastInput() {
	}

	/**
	 * What the command's shape says.
	 *
	 * @param zone the time zone (UTC when missing or wrong)
	 * @param scheduledAt the schedule as an instant, or null
	 */
	record Shape(List<FieldError> errors, ZoneId zone, @Nullable Instant scheduledAt) {
	}

	static Shape shape(BroadcastCommand command, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		name(command.name(), errors);
		if (command.segment() == null) {
			errors.add(new FieldError("segmentId", "is required: the segment to send to"));
		}
		templates(command, errors);
		ZoneId zone = zone(command.timeZone(), errors);
		Instant scheduledAt = null;
		if (command.scheduledAt() != null) {
			scheduledAt = command.scheduledAt().atZone(zone).toInstant();
			if (!scheduledAt.isAfter(now)) {
				errors.add(new FieldError("scheduledAt", "must lie in the future (in the time zone " + zone + ")"));
			}
		}
		quiet(command, errors);
		return new Shape(errors, zone, scheduledAt);
	}

	private static void name(@Nullable String name, List<FieldError> errors) {
		if (name == null || name.isBlank() || name.strip().length() > NAME_LIMIT || !PlainText.isSingleLine(name)) {
			errors.add(new FieldError("name",
					"is required: 1 to " + NAME_LIMIT + " characters on one line, without control characters"));
		}
	}

	private static void templates(BroadcastCommand command, List<FieldError> errors) {
		if (command.policy() == null) {
			errors.add(new FieldError("channelPolicy",
					"is required: WHATSAPP_ONLY, TELEGRAM_ONLY or PREFERRED_WITH_FALLBACK"));
			return;
		}
		for (ChatChannel channel : ChatChannel.values()) {
			String field = (channel == ChatChannel.WHATSAPP) ? "whatsApp" : "telegram";
			boolean given = (channel == ChatChannel.WHATSAPP) ? command.whatsApp() != null : command.telegram() != null;
			if (command.policy().uses(channel) && !given) {
				errors.add(new FieldError(field, "is required by the channel policy " + command.policy()
						+ ": the template to send on " + channel));
			}
			if (!command.policy().uses(channel) && given) {
				errors.add(new FieldError(field,
						"is given, but the channel policy " + command.policy() + " does not send on " + channel));
			}
		}
	}

	private static ZoneId zone(@Nullable String timeZone, List<FieldError> errors) {
		if (timeZone == null) {
			return UTC;
		}
		try {
			if (timeZone.length() <= 64 && (timeZone.contains("/") || timeZone.equals("UTC"))) {
				return ZoneId.of(timeZone);
			}
		}
		catch (DateTimeException unknown) {
			// reported below
		}
		errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin, or UTC"));
		return UTC;
	}

	private static void quiet(BroadcastCommand command, List<FieldError> errors) {
		if ((command.quietFrom() == null) != (command.quietUntil() == null)) {
			errors.add(new FieldError("quietHours", "needs both from and until, or neither"));
		}
		else if (command.quietFrom() != null && command.quietFrom().equals(command.quietUntil())) {
			errors.add(new FieldError("quietHours.until", "must differ from quietHours.from"));
		}
	}

}
