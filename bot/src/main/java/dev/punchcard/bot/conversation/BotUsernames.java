package dev.punchcard.bot.conversation;

import java.util.Optional;

import dev.punchcard.core.shared.domain.ChatChannel;

/**
 * The bot's public name on one channel, for deep links; provided by that channel's edge.
 */
public interface BotUsernames {

	/** The channel it names the bot on. */
	ChatChannel channel();

	/** The bot's username there, once known. */
	Optional<String> username();

}
