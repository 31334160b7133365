package dev.punchcard.bot.conversation;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/** Flow state per chat user, kept with a time-to-live so abandoned flows expire. */
public interface ConversationStates {

	/** Emits the user's live flow state, or completes empty. */
	Mono<FlowState> get(ChatChannel channel, String userId);

	/** Stores the state and restarts its time-to-live. */
	Mono<Void> put(ChatChannel channel, String userId, FlowState state);

	/** Ends any flow of the user. */
	Mono<Void> clear(ChatChannel channel, String userId);

	/**
	 * Emits the name of a flow that expired without being ended (and forgets it), or
	 * completes empty. Lets the bot say "your session expired" instead of not
	 * understanding.
	 */
	Mono<String> takeExpired(ChatChannel channel, String userId);

}
