package dev.punchcard.core.broadcast.application;

import java.time.LocalDateTime;
import java.time.LocalTime;

import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * A new broadcast as asked for; every field but {@code by} may be missing or wrong, which
 * {@link CreateBroadcast} reports by field name.
 *
 * @param scheduledAt the local date and time in {@code timeZone} to start at, or null
 * @param timeZone an IANA time zone for the schedule and quiet hours (UTC when null)
 * @param quietFrom the start of the daily quiet hours, or null for none
 * @param quietUntil their end
 */
public record BroadcastCommand(@Nullable String name, @Nullable SegmentId segment, @Nullable ChannelPolicy policy,
		@Nullable TemplateChoice whatsApp, @Nullable TemplateChoice telegram, @Nullable LocalDateTime scheduledAt,
		@Nullable String timeZone, @Nullable LocalTime quietFrom, @Nullable LocalTime quietUntil, StaffId by) {
}
