package dev.punchcard.core.customer.application;

import java.util.regex.Pattern;

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
 * @param verifiedPhone the phone number (E.164) the platform verified belongs to this
 * chat account (WhatsApp's {@code wa_id}), if any; never a number the user typed. A
 * member who has it already is joined by this account; a new member gets it.
 */
public record JoinFromChatCommand(ChatChannel channel, String externalId, String chatId, String name, String language,
		@Nullable String storeCode, @Nullable String referralCode, @Nullable String verifiedPhone) {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	public JoinFromChatCommand {
		if (verifiedPhone != null && !E164.matcher(verifiedPhone).matches()) {
			throw new IllegalArgumentException("a verified phone must be in E.164");
		}
	}

	/** A join without a verified phone number. */
	public JoinFromChatCommand(ChatChannel channel, String externalId, String chatId, String name, String language,
			@Nullable String storeCode, @Nullable String referralCode) {
		this(channel, externalId, chatId, name, language, storeCode, referralCode, null);
	}

	@Override
	public String toString() {
		return "JoinFromChatCommand[" + this.channel + ", store=" + this.storeCode + "]";
	}

}
