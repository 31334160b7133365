package dev.punchcard.bot.conversation;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * Told when a chat platform says a user can no longer be reached (they blocked the bot or
 * deleted their account) or can be reached again (they unblocked it). Implemented over
 * the core by the composition root; edges fall back to {@link #IGNORE} when there is
 * none.
 */
public interface ReachabilityListener {

	/** Does nothing; the fallback when the application provides no listener. */
	ReachabilityListener IGNORE = (channel, userId, reachable) -> Mono.empty();

	/**
	 * Records whether the user can be messaged. Completes when recorded; errors only for
	 * infrastructure failures.
	 * @param channel the platform
	 * @param userId the user's id on that platform
	 * @param reachable false once the platform refused delivery for good, true when the
	 * user came back
	 */
	Mono<Void> reachable(ChatChannel channel, String userId, boolean reachable);

}
