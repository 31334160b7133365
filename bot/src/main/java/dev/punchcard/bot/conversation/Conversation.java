package dev.punchcard.bot.conversation;

import reactor.core.publisher.Mono;

/** The engine's entry point for every channel. */
public interface Conversation {

	/**
	 * Handles one chat event. Emits the reply (possibly with no messages); never errors:
	 * failures become an apology the user can act on.
	 */
	Mono<BotReply> handle(ChatEvent event);

}
