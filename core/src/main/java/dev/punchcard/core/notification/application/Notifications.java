package dev.punchcard.core.notification.application;

import reactor.core.publisher.Mono;

/** The outbox of notifications. */
public interface Notifications {

	/**
	 * Queues the notification in the caller's transaction; a repeated idempotency key
	 * queues nothing.
	 */
	Mono<Void> enqueue(Notification notification);

}
