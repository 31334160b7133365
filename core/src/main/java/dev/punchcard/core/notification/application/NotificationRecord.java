package dev.punchcard.core.notification.application;

import java.time.Instant;
import java.util.UUID;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;

/**
 * A notification as staff see it: what it was about and how its delivery went.
 *
 * @param id its id
 * @param kind what it tells, e.g. {@code PointsCredited}
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param channel the channel that took it, once sent
 * @param attempts delivery attempts so far
 * @param lastError why the last attempt failed (for FAILED: why it was given up)
 * @param createdAt when it was queued
 * @param sentAt when a channel took it
 */
public record NotificationRecord(UUID id, String kind, String status, @Nullable ChatChannel channel, int attempts,
		@Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

}
