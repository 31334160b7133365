package dev.punchcard.bot.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.punchcard.core.broadcast.application.BroadcastWork;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The broadcast queue in memory: queued recipients are claimed in order, once at a time;
 * a RetryAt puts the recipient back at once with its attempt counted (the time is kept,
 * not waited for), a PauseBroadcast puts it back untouched and pauses its broadcast,
 * every other result settles it.
 */
class InMemoryBroadcastWork implements BroadcastWork {

	private final List<ClaimedRecipient> queued = new ArrayList<>();

	private final Set<Long> claimed = new HashSet<>();

	private final Set<BroadcastId> paused = new HashSet<>();

	private final Map<Long, List<SendResult>> results = new LinkedHashMap<>();

	private final AtomicInteger claims = new AtomicInteger();

	synchronized void queue(ClaimedRecipient recipient) {
		this.queued.add(recipient);
	}

	@Override
	public synchronized Flux<ClaimedRecipient> claim(ChatChannel channel, int max, Duration lease) {
		return Flux.defer(() -> Flux.fromIterable(take(channel, max)));
	}

	private synchronized List<ClaimedRecipient> take(ChatChannel channel, int max) {
		this.claims.incrementAndGet();
		List<ClaimedRecipient> batch = new ArrayList<>();
		for (ClaimedRecipient recipient : this.queued) {
			if (batch.size() < max && recipient.channel() == channel && !this.paused.contains(recipient.broadcastId())
					&& this.claimed.add(recipient.recipientId())) {
				batch.add(recipient);
			}
		}
		return batch;
	}

	@Override
	public Mono<Boolean> settle(ClaimedRecipient recipient, SendResult result) {
		return Mono.fromSupplier(() -> settleNow(recipient, result));
	}

	private synchronized boolean settleNow(ClaimedRecipient recipient, SendResult result) {
		if (!this.claimed.remove(recipient.recipientId())) {
			return false;
		}
		this.results.computeIfAbsent(recipient.recipientId(), (id) -> new ArrayList<>()).add(result);
		this.queued.removeIf((queuedOne) -> queuedOne.recipientId() == recipient.recipientId());
		switch (result) {
			case SendResult.RetryAt retry -> this.queued.add(again(recipient, recipient.attempt() + 1));
			case SendResult.PauseBroadcast pause -> {
				this.paused.add(recipient.broadcastId());
				this.queued.add(recipient);
			}
			default -> {
			}
		}
		return true;
	}

	private static ClaimedRecipient again(ClaimedRecipient r, int attempt) {
		return new ClaimedRecipient(r.recipientId(), r.broadcastId(), r.customerId(), r.channel(), r.chatId(),
				r.language(), r.templateId(), r.use(), r.campaignKey(), attempt, r.leaseUntil());
	}

	synchronized List<SendResult> resultsOf(long recipientId) {
		return List.copyOf(this.results.getOrDefault(recipientId, List.of()));
	}

	/** The last result of the recipient, or null. */
	synchronized SendResult lastOf(long recipientId) {
		List<SendResult> all = resultsOf(recipientId);
		return all.isEmpty() ? null : all.get(all.size() - 1);
	}

	synchronized boolean isPaused(BroadcastId id) {
		return this.paused.contains(id);
	}

	synchronized int queuedCount() {
		return this.queued.size();
	}

	int claims() {
		return this.claims.get();
	}

	static Instant retryTime(SendResult result) {
		return ((SendResult.RetryAt) result).at();
	}

}
