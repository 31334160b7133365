package dev.punchcard.bot.conversation;

import java.util.List;
import java.util.Optional;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.stereotype.Component;

/**
 * Deep links into the bot: referral links that open a chat with {@code /start r-<code>}.
 */
@Component
public class BotLinks {

	private final List<BotUsernames> usernames;

	BotLinks(List<BotUsernames> usernames) {
		this.usernames = usernames;
	}

	/**
	 * The link a member shares to refer friends; without a known bot username, the
	 * command to send instead.
	 */
	public String referral(ChatChannel channel, String referralCode) {
		Optional<String> username = this.usernames.stream()
			.filter((names) -> names.channel() == channel)
			.findFirst()
			.flatMap(BotUsernames::username);
		if (channel == ChatChannel.TELEGRAM && username.isPresent()) {
			return "https://t.me/" + username.get() + "?start=r-" + referralCode;
		}
		return "/start r-" + referralCode;
	}

}
