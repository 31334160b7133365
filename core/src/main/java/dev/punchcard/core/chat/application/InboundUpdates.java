package dev.punchcard.core.chat.application;

import java.time.Duration;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Raw chat updates, stored before they are acknowledged and handled exactly once. */
public interface InboundUpdates {

	/**
	 * Stores the update; emits true when it is new, false when this (channel, update id)
	 * was stored before.
	 */
	Mono<Boolean> storeIfNew(ChatChannel channel, String updateId, String chatKey, String payload);

	/**
	 * Claims a stored, unhandled update for {@code lease}; emits it, or completes empty
	 * when it is done or another worker holds a live claim.
	 */
	Mono<StoredUpdate> claim(ChatChannel channel, String updateId, Duration lease);

	/**
	 * Claims up to {@code limit} updates that were received at least {@code olderThan}
	 * ago and are still not done (a crash, a lost signal, an expired lease), oldest
	 * first.
	 */
	Flux<StoredUpdate> claimStale(ChatChannel channel, Duration olderThan, int limit, Duration lease);

	/** Marks the update handled. */
	Mono<Void> markDone(ChatChannel channel, String updateId);

	/** Deletes handled updates received before {@code age} ago; emits how many. */
	Mono<Long> purgeDone(Duration age);

}
