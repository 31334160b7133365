package dev.punchcard.core.notification.application;

import dev.punchcard.core.shared.domain.CustomerId;

/**
 * A message to a customer that must not be lost.
 *
 * @param customerId recipient
 * @param idempotencyKey unique per message: the same fact never queues two messages
 * @param payload what to tell them
 */
public record Notification(CustomerId customerId, String idempotencyKey, NotificationPayload payload) {

}
