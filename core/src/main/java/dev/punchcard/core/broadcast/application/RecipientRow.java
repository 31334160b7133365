package dev.punchcard.core.broadcast.application;

import java.time.Instant;

import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a broadcast as marketers see it (no chat ids: those are phone numbers
 * on WhatsApp).
 *
 * @param id the recipient's id, the key pages continue after
 * @param channel the channel chosen for them, or null when they had none
 */
public record RecipientRow(long id, CustomerId customerId, @Nullable ChatChannel channel, RecipientState state,
		@Nullable SkipReason skipReason, @Nullable String messageId, @Nullable String errorCode,
		@Nullable String errorReason, int attempts, @Nullable Instant sentAt, @Nullable Instant deliveredAt,
		@Nullable Instant readAt, @Nullable Instant failedAt) {
}
