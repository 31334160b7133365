package dev.punchcard.core.customer.application;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;

/**
 * A shopper starts the bot, perhaps from a store poster or a friend's referral link.
 *
 * @param channel the platform
 * @param externalId their user id there
 * @param chatId their chat
 * @param name their display name
 * @param language their language tag
 * @param storeCode the store of the poster they scanned, if any
 * @param referralCode the referral code of the friend who invited them, if any
 */
public record JoinFromChatCommand(ChatChannel channel, String externalId, String chatId, String name, String language,
		@Nullable String storeCode, @Nullable String referralCode) {

	@Override
	public String toString() {
		return "JoinFromChatCommand[" + this.channel + ", store=" + this.storeCode + "]";
	}

}
