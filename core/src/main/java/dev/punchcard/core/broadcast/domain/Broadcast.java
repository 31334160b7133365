package dev.punchcard.core.broadcast.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * A broadcast as stored.
 *
 * @param segment who it goes to; null once the segment was deleted
 * @param whatsApp the WhatsApp template, when the policy sends on WhatsApp
 * @param telegram the Telegram template, when the policy sends on Telegram
 * @param scheduledAt when it starts by itself, or null to start when asked
 * @param timeZone the zone of its schedule and quiet hours
 * @param quietHours when it sends nothing each day, or null
 * @param pauseReason why it is paused (only while PAUSED), or why the service itself
 * cancelled it (a scheduled broadcast whose segment was deleted)
 * @param updatedBy who changed it last; null for the service itself
 */
public record Broadcast(BroadcastId id, String name, @Nullable SegmentId segment, ChannelPolicy policy,
		@Nullable TemplateChoice whatsApp, @Nullable TemplateChoice telegram, @Nullable Instant scheduledAt,
		ZoneId timeZone, @Nullable QuietHours quietHours, BroadcastState state, @Nullable String pauseReason,
		StaffId createdBy, Instant createdAt, @Nullable StaffId updatedBy, Instant updatedAt,
		@Nullable Instant startedAt, @Nullable Instant completedAt) {

	public Broadcast {
		Objects.requireNonNull(name, "name");
		for (ChatChannel channel : ChatChannel.values()) {
			boolean given = (channel == ChatChannel.WHATSAPP) ? whatsApp != null : telegram != null;
			if (given != policy.uses(channel)) {
				throw new IllegalArgumentException(policy + " needs a template exactly for " + policy.channels());
			}
		}
	}

	/** The template it sends on the channel, if the policy uses it. */
	public Optional<TemplateChoice> templateFor(ChatChannel channel) {
		return Optional.ofNullable((channel == ChatChannel.WHATSAPP) ? this.whatsApp : this.telegram);
	}

}
