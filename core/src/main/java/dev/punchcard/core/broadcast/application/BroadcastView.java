package dev.punchcard.core.broadcast.application;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.RecipientState;
import org.jspecify.annotations.Nullable;

/**
 * A broadcast with its progress.
 *
 * @param total its recipients, skipped ones included
 * @param byState how many are in each state (every state listed)
 * @param byChannel per channel ({@code TELEGRAM}, {@code WHATSAPP}, {@code NONE}), how
 * many are in each state it has
 * @param remaining how many still wait to be sent (queued or being sent)
 * @param progressPercent how much of it is done, 0 to 100
 * @param ratePerSecond messages sent in the last minute, per second
 * @param secondsLeft the time left at that rate; null when nothing was sent in the last
 * minute and something remains
 * @param buttons how many recipients replied with each button
 */
public record BroadcastView(Broadcast broadcast, long total, Map<RecipientState, Long> byState,
		Map<String, Map<RecipientState, Long>> byChannel, long remaining, double progressPercent, double ratePerSecond,
		@Nullable Long secondsLeft, Map<String, Long> buttons) {

	/** The view of the broadcast with its counts. */
	public static BroadcastView of(Broadcast broadcast, BroadcastReads.Tally tally) {
		Map<RecipientState, Long> byState = new EnumMap<>(RecipientState.class);
		for (RecipientState state : RecipientState.values()) {
			byState.put(state, 0L);
		}
		Map<String, Map<RecipientState, Long>> byChannel = new LinkedHashMap<>();
		long total = 0;
		long remaining = 0;
		for (BroadcastReads.Count count : tally.counts()) {
			byState.merge(count.state(), count.count(), Long::sum);
			String channel = (count.channel() == null) ? "NONE" : count.channel().name();
			byChannel.computeIfAbsent(channel, (key) -> new EnumMap<>(RecipientState.class))
				.merge(count.state(), count.count(), Long::sum);
			total += count.count();
			remaining += count.state().remaining() ? count.count() : 0;
		}
		double rate = tally.sentLastMinute() / 60.0;
		Long secondsLeft = (remaining == 0) ? Long.valueOf(0) : (rate > 0) ? (long) Math.ceil(remaining / rate) : null;
		double progress = (total == 0) ? 0 : Math.floor(1000.0 * (total - remaining) / total) / 10.0;
		return new BroadcastView(broadcast, total, byState, byChannel, remaining, progress, rate, secondsLeft,
				tally.buttons());
	}

}
