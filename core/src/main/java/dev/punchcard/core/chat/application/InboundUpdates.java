package dev.punchcard.core.chat.application;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Raw chat updates, stored before they are acknowledged and handled exactly once. */
public interface InboundUpdates {

	/**
	 * Stores the updates, each already claimed by the caller for {@code lease} (it is
	 * about to handle them): one statement instead of a store and a claim each. Emits the
	 * update ids that were new, each once; an update id stored before (or twice in the
	 * list) is left out, as it must not be handled again.
	 */
	Mono<Set<String>> storeClaimed(ChatChannel channel, List<ReceivedUpdate> updates, Duration lease);

	/**
	 * As {@link #storeClaimed(ChatChannel, List, Duration)} for one update: emits it
	 * claimed (attempt 1) when it is new; completes empty when it was stored before.
	 */
	default Mono<StoredUpdate> storeClaimed(ChatChannel channel, String updateId, String chatKey, String payload,
			Duration lease) {
		return storeClaimed(channel, List.of(new ReceivedUpdate(updateId, chatKey, payload)), lease)
			.filter((stored) -> stored.contains(updateId))
			.map((stored) -> new StoredUpdate(channel, updateId, chatKey, payload, 1));
	}

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

	/**
	 * Deletes the channel's handled updates received before {@code age} ago (each channel
	 * keeps its own dedupe horizon); emits how many.
	 */
	Mono<Long> purgeDone(ChatChannel channel, Duration age);

}
