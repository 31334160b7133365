package dev.punchcard.bot.conversation;

import java.util.List;

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

	/**
	 * Remembers the choices of the reply just sent (their data, in the order shown), for
	 * as long as a flow lasts, so a typed number can pick one; an empty list forgets
	 * them.
	 */
	Mono<Void> rememberChoices(ChatChannel channel, String userId, List<String> choices);

	/**
	 * Emits the data of choice {@code number} (from 1) of the last reply with choices, or
	 * completes empty when there is no such choice.
	 */
	Mono<String> choice(ChatChannel channel, String userId, int number);

}
