package dev.punchcard.core.notification.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * The notification outbox in memory, with the guarantee of {@code R2dbcNotifications}: an
 * idempotency key queues one notification, a repeated key queues nothing. Work happens on
 * subscription, one operation at a time.
 */
public class InMemoryNotifications implements Notifications {

	private final Map<String, Notification> queued = new LinkedHashMap<>();

	@Override
	public Mono<Void> enqueue(Notification notification) {
		return Mono.fromRunnable(() -> enqueueNow(notification));
	}

	/** Every queued notification, in the order queued. */
	public synchronized List<Notification> queued() {
		return List.copyOf(this.queued.values());
	}

	/** The payloads queued for the customer, in the order queued. */
	public synchronized List<NotificationPayload> queuedFor(CustomerId customerId) {
		return this.queued.values()
			.stream()
			.filter((notification) -> notification.customerId().equals(customerId))
			.map(Notification::payload)
			.toList();
	}

	private synchronized void enqueueNow(Notification notification) {
		this.queued.putIfAbsent(notification.idempotencyKey(), notification);
	}

}
