package dev.punchcard.webhooks.whatsapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.punchcard.bot.notify.NoticeFields;
import dev.punchcard.webhooks.whatsapp.WhatsAppProperties.NoticeTemplate;
import dev.punchcard.webhooks.whatsapp.WhatsAppProperties.ParameterFormat;

/**
 * The approved template each kind of notification goes as outside the customer service
 * window: its name, the notification's fields that fill its parameters in order, and
 * whether the template names its parameters ({@code {{points}}}) or numbers them
 * ({@code {{1}}}). Every kind has a working default (see the README for the templates to
 * create); settings override any part of it. A setting for an unknown kind, a field the
 * kind does not have, or a name WhatsApp would refuse stops start-up.
 */
final class NoticeTemplates {

	private static final Map<String, Template> DEFAULTS = Map.of( //
			"PointsCredited", positional("points_credited", "points", "store", "balance"), "PointsReversed",
			positional("points_reversed", "points", "amount", "balance"), "RewardRedeemed",
			positional("voucher_issued", "reward", "code", "balance"), "VoucherCancelled",
			positional("voucher_cancelled", "reward", "points", "balance"), "ReferralBonusPaid",
			positional("referral_bonus", "points", "balance"), "PointsExpiring",
			positional("points_expiring", "points", "date", "balance"), "PointsExpired",
			positional("points_expired", "points", "balance"), "WeeklyTopPrize",
			positional("weekly_top_prize", "place", "points", "balance"));

	private final Map<String, Template> byKind;

	private final Map<String, String> languages;

	NoticeTemplates(Map<String, NoticeTemplate> settings, Map<String, String> languages) {
		Map<String, String> kinds = NoticeFields.kinds()
			.stream()
			.collect(Collectors.toMap(NoticeTemplates::normalized, (kind) -> kind));
		Map<String, Template> resolved = new LinkedHashMap<>(DEFAULTS);
		settings.forEach((key, given) -> {
			String kind = kinds.get(normalized(key));
			if (kind == null) {
				throw new IllegalArgumentException("punchcard.whatsapp.templates." + key
						+ " is not a kind of notification; the kinds are points-credited, points-reversed, "
						+ "reward-redeemed, voucher-cancelled, referral-bonus-paid, points-expiring, points-expired and weekly-top-prize");
			}
			resolved.put(kind, resolved.get(kind).overriddenBy(given));
		});
		resolved.forEach(NoticeTemplates::check);
		this.byKind = Map.copyOf(resolved);
		this.languages = Map.copyOf(languages);
	}

	/** The template of the kind of notification, if it has one. */
	Optional<Template> of(String kind) {
		return Optional.ofNullable(this.byKind.get(kind));
	}

	/** WhatsApp's code of the template language for one of ours. */
	String language(String ours) {
		return this.languages.getOrDefault(ours, ours);
	}

	private static void check(String kind, Template template) {
		if (!template.name().matches("[a-z0-9_]{1,512}")) {
			throw new IllegalArgumentException("WhatsApp template name '" + template.name() + "' of " + kind
					+ " must be lowercase letters, digits and '_' (at most 512)");
		}
		List<String> fields = NoticeFields.of(kind);
		for (String parameter : template.parameters()) {
			if (!fields.contains(parameter)) {
				throw new IllegalArgumentException("WhatsApp template " + template.name() + " of " + kind
						+ " names the field '" + parameter + "', which " + kind + " does not have; it has " + fields);
			}
		}
	}

	private static String normalized(String key) {
		return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
	}

	private static Template positional(String name, String... parameters) {
		return new Template(name, List.of(parameters), ParameterFormat.POSITIONAL);
	}

	/**
	 * A notification's template.
	 *
	 * @param name its name in WhatsApp Manager
	 * @param parameters the notification's fields that fill its parameters, in order
	 * @param format whether the template's parameters are numbered or named (by the field
	 * names)
	 */
	record Template(String name, List<String> parameters, ParameterFormat format) {

		Template overriddenBy(NoticeTemplate given) {
			return new Template((given.name() != null && !given.name().isBlank()) ? given.name() : this.name,
					(given.parameters() != null && !given.parameters().isEmpty()) ? List.copyOf(given.parameters())
							: this.parameters,
					(given.parameterFormat() != null) ? given.parameterFormat() : this.format);
		}

	}

}
