package dev.punchcard.core.notification.application;

import java.util.Set;
import java.util.UUID;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;

/**
 * A queued notification claimed for delivery.
 *
 * @param id outbox row id
 * @param customerId recipient
 * @param idempotencyKey unique per message
 * @param payload what to tell them
 * @param attempts delivery attempts so far, this one included
 * @param excludedChannels channels that failed it for good: passed over
 * @param templateOnly a channel with pre-approved templates may take it only as its
 * template (it refused the free-form message)
 */
public record PendingNotification(UUID id, CustomerId customerId, String idempotencyKey, NotificationPayload payload,
		int attempts, Set<ChatChannel> excludedChannels, boolean templateOnly) {

	public PendingNotification {
		excludedChannels = Set.copyOf(excludedChannels);
	}

	public PendingNotification(UUID id, CustomerId customerId, String idempotencyKey, NotificationPayload payload,
			int attempts) {
		this(id, customerId, idempotencyKey, payload, attempts, Set.of(), false);
	}

}
