package dev.punchcard.core.customer.application;

import java.time.Instant;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * One-time codes that join chat accounts across channels, and the wrong codes chat
 * accounts tried.
 */
public interface ChatLinkCodes {

	/** Stores a new code; the member's earlier codes stop working. */
	Mono<Void> insert(ChatLinkCode code);

	/**
	 * Uses the code once, from a channel other than the one it was asked for on: emits
	 * its member, or completes empty when it is unknown, used, expired or from this
	 * channel (then nothing changes).
	 */
	Mono<CustomerId> use(String code, ChatChannel usedOn, Instant now);

	/** Emits the code while it is unused and unexpired, or completes empty. */
	Mono<ChatLinkCode> findUsable(String code, Instant now);

	/** How many wrong codes the chat account tried since then. */
	Mono<Long> failuresSince(ChatChannel channel, String externalId, Instant since);

	/** Records that the chat account tried a wrong code. */
	Mono<Void> recordFailure(ChatChannel channel, String externalId, Instant at);

}
