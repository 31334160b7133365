package dev.punchcard.bot.telegram;

import java.util.Optional;

import dev.punchcard.bot.conversation.BotUsernames;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.stereotype.Component;

/**
 * The Telegram bot's username, configured or learned with {@code getMe}, for referral
 * links.
 */
@Component
@ConditionalOnTelegramToken
class TelegramBotUsernames implements BotUsernames {

	private final BotIdentity identity;

	TelegramBotUsernames(BotIdentity identity) {
		this.identity = identity;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.TELEGRAM;
	}

	@Override
	public Optional<String> username() {
		return Optional.ofNullable(this.identity.username());
	}

}
