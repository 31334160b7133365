package dev.punchcard.core.notification.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivery side of the outbox: claim due notifications with a lease, then settle each
 * one.
 */
public interface OutboxRelay {

	/**
	 * Claims up to {@code limit} pending notifications that are due, oldest first, so no
	 * other instance takes them for {@code lease}.
	 */
	Flux<PendingNotification> claimDue(int limit, Duration lease);

	/** Marks the notification delivered on the channel. */
	Mono<Void> markSent(UUID id, ChatChannel channel);

	/** Schedules another attempt at {@code at}, remembering why this one failed. */
	Mono<Void> retryAt(UUID id, Instant at, String error);

	/** Gives up on the notification for good. */
	Mono<Void> markFailed(UUID id, String error);

	/**
	 * The channel that took the notification reported later that it failed, so it was not
	 * delivered: queues it again, either for the same channel as its template only
	 * ({@code asTemplate}, once), or for the other channels. Emits whether it was queued
	 * again: false when it was not sent on that channel, or this already happened.
	 */
	Mono<Boolean> redeliver(UUID id, ChatChannel failedOn, boolean asTemplate, String why);

}
