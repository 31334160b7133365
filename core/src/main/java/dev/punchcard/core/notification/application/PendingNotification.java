package dev.punchcard.core.notification.application;

import java.util.UUID;

import dev.punchcard.core.shared.domain.CustomerId;

/**
 * A queued notification claimed for delivery.
 *
 * @param id outbox row id
 * @param customerId recipient
 * @param idempotencyKey unique per message
 * @param payload what to tell them
 * @param attempts delivery attempts so far, this one included
 */
public record PendingNotification(UUID id, CustomerId customerId, String idempotencyKey, NotificationPayload payload,
		int attempts) {

}
