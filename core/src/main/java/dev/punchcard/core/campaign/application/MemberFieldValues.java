package dev.punchcard.core.campaign.application;

import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * What a template can show of one member, as stored; edges format it for the member's
 * language and channel.
 *
 * @param id the member
 * @param name their display name
 * @param language their language tag
 * @param tier their tier's name
 * @param balance their points balance
 * @param nextTier the tier above theirs, or null at the top
 * @param spendToNextTierMinor the net spend still needed for it, in minor units (0 at the
 * top)
 * @param homeStore their home store's name, or null
 * @param referralCode their referral code
 * @param cardNumber their member card's number (signed into the card code)
 * @param whatsAppId their WhatsApp number ({@code wa_id}), or null
 * @param telegramChatId their Telegram chat id, or null
 */
public record MemberFieldValues(CustomerId id, String name, String language, String tier, long balance,
		@Nullable String nextTier, long spendToNextTierMinor, @Nullable String homeStore, String referralCode,
		long cardNumber, @Nullable String whatsAppId, @Nullable String telegramChatId) {

	/** The first word of their name. */
	public String firstName() {
		String stripped = this.name.strip();
		int space = stripped.indexOf(' ');
		return (space < 0) ? stripped : stripped.substring(0, space);
	}

	@Override
	public String toString() {
		return "MemberFieldValues[" + this.id + "]";
	}

}
