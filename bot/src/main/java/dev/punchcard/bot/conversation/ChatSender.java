package dev.punchcard.bot.conversation;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/** Sends replies on one channel, within that platform's rate limits. */
public interface ChatSender {

	/** The channel this sender delivers to. */
	ChatChannel channel();

	/**
	 * Sends the messages in order. Completes when the platform accepted them all; errors
	 * with {@link RecipientUnreachableException} when the user blocked the bot, or
	 * another error when delivery failed after retries.
	 */
	Mono<Void> send(BotReply reply);

}
