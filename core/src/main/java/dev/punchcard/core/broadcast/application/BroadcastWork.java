package dev.punchcard.core.broadcast.application;

import java.time.Duration;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The sending side of broadcasts: what senders on every instance claim and settle. */
public interface BroadcastWork {

	/**
	 * Claims up to {@code max} queued recipients on the channel whose broadcast is
	 * RUNNING (and, with quiet hours, outside them) and whose due time has come, or whose
	 * claim's lease has ended, for {@code lease}; a recipient is claimed by one caller at
	 * a time across all instances (FOR UPDATE SKIP LOCKED). Completes empty when there is
	 * nothing to do.
	 */
	Flux<ClaimedRecipient> claim(ChatChannel channel, int max, Duration lease);

	/**
	 * Records the result of sending to a claimed recipient. A claim that is no longer
	 * this caller's (lease ended and taken over, broadcast cancelled) changes nothing and
	 * completes with false.
	 */
	Mono<Boolean> settle(ClaimedRecipient recipient, SendResult result);

}
