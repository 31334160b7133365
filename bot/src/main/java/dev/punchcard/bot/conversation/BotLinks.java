package dev.punchcard.bot.conversation;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deep links into the bot: referral links that open a chat with {@code /start r-<code>}.
 */
@Component
public class BotLinks {

	private final String telegramUsername;

	BotLinks(@Value("${punchcard.telegram.bot-username:}") String telegramUsername) {
		this.telegramUsername = telegramUsername.startsWith("@") ? telegramUsername.substring(1) : telegramUsername;
	}

	/**
	 * The link a member shares to refer friends; without a known bot username, the
	 * command to send instead.
	 */
	public String referral(ChatChannel channel, String referralCode) {
		if (channel == ChatChannel.TELEGRAM && !this.telegramUsername.isEmpty()) {
			return "https://t.me/" + this.telegramUsername + "?start=r-" + referralCode;
		}
		return "/start r-" + referralCode;
	}

}
