package dev.punchcard.core.campaign.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A member's field that a template parameter can show. */
public enum MemberField {

	/** The first word of the member's name. */
	FIRST_NAME,

	/** Their points balance. */
	BALANCE,

	/** Their tier. */
	TIER,

	/**
	 * What is left to their next tier. Tiers go by net spend over the tier window, so
	 * this is the spend still needed, as an amount in the program's currency (empty at
	 * the top tier).
	 */
	POINTS_TO_NEXT_TIER,

	/** Their home store's name (empty without one). */
	HOME_STORE,

	/** Their link to invite friends, for the channel the message goes to. */
	REFERRAL_LINK,

	/**
	 * The code of a one-time voucher for a reward the use chooses, issued to each
	 * recipient as their message is sent.
	 */
	CAMPAIGN_VOUCHER;

	/** The field's name in placeholders and requests: {@code first_name}, …. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The field of that name, if any. */
	public static Optional<MemberField> byKey(String key) {
		return Arrays.stream(values()).filter((field) -> field.key().equals(key)).findFirst();
	}

	/** Every field's key, for messages that list them. */
	public static String keys() {
		return String.join(", ", Arrays.stream(values()).map(MemberField::key).toList());
	}

}
