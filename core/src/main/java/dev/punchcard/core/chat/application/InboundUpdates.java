package dev.punchcard.core.chat.application;

import java.time.Duration;
import java.util.Collection;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Raw chat updates, stored before they are acknowledged and handled exactly once. */
public interface InboundUpdates {

	/**
	 * Stores the update already claimed by the caller for {@code lease} (it is about to
	 * handle it): one statement instead of a store and a claim. Emits the claimed update
	 * (attempt 1) when it is new; completes empty when this (channel, update id) was
	 * stored before.
	 */
	Mono<StoredUpdate> storeClaimed(ChatChannel channel, String updateId, String chatKey, String payload,
			Duration lease);

	/**
	 * Extends the caller's claim on an update to {@code lease} from now. Emits the update
	 * when the claim of attempt {@code attempts} is still the current one; completes
	 * empty when the update is done or was claimed again since (its lease ran out).
	 */
	Mono<StoredUpdate> renew(ChatChannel channel, String updateId, int attempts, Duration lease);

	/**
	 * Claims up to {@code limit} updates that were received at least {@code olderThan}
	 * ago and are still not done (a crash, a lost signal, an expired lease), oldest
	 * first.
	 */
	Flux<StoredUpdate> claimStale(ChatChannel channel, Duration olderThan, int limit, Duration lease);

	/** Marks the updates handled, in one statement. */
	Mono<Void> markDone(ChatChannel channel, Collection<String> updateIds);

	/** Deletes handled updates received before {@code age} ago; emits how many. */
	Mono<Long> purgeDone(Duration age);

}
