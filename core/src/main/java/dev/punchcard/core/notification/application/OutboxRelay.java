package dev.punchcard.core.notification.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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

	/** Marks the notification delivered. */
	Mono<Void> markSent(UUID id);

	/** Schedules another attempt at {@code at}, remembering why this one failed. */
	Mono<Void> retryAt(UUID id, Instant at, String error);

	/** Gives up on the notification for good. */
	Mono<Void> markFailed(UUID id, String error);

}
