package dev.punchcard.bot.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.ReceivedUpdate;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.batching.GroupCommit;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * Stores a received update (the step that must finish before the platform is told it
 * arrived) and queues it for processing when it is new. It is stored already claimed for
 * this instance, which handles it next, so processing needs no claim of its own. Updates
 * arriving together are stored together, in one statement. A redelivered update is stored
 * once and queued once.
 */
class UpdateIntake {

	private static final int MAX_UPDATES_PER_WRITE = 100;

	private final ChatChannel channel;

	private final UpdateProcessor processor;

	private final GroupCommit<ReceivedUpdate, Boolean> stores;

	UpdateIntake(ChatChannel channel, InboundUpdates updates, UpdateProcessor processor, Duration lease,
			Duration storeTimeout) {
		this.channel = channel;
		this.processor = processor;
		this.stores = new GroupCommit<>(
				(group) -> updates.storeClaimed(channel, group, lease).map((stored) -> newOnes(group, stored)),
				MAX_UPDATES_PER_WRITE, storeTimeout);
	}

	/**
	 * Emits true when the update was new, false for a duplicate; errors when it was not
	 * stored.
	 */
	Mono<Boolean> accept(ReceivedUpdate received) {
		return this.stores.submit(received).doOnNext((isNew) -> {
			if (isNew) {
				this.processor.submit(
						new StoredUpdate(this.channel, received.updateId(), received.chatKey(), received.payload(), 1));
			}
		});
	}

	/**
	 * Which of the group were stored now: each new update id counts for its first
	 * occurrence only, so an update delivered twice at once is handled once.
	 */
	private static List<Boolean> newOnes(List<ReceivedUpdate> group, Set<String> stored) {
		Set<String> seen = new HashSet<>();
		List<Boolean> isNew = new ArrayList<>(group.size());
		for (ReceivedUpdate update : group) {
			isNew.add(stored.contains(update.updateId()) && seen.add(update.updateId()));
		}
		return isNew;
	}

}
