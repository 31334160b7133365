package dev.punchcard.core.broadcast.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the recipients of a broadcast add up to, and the recipients themselves. */
public interface BroadcastReads {

	/** Emits the broadcast's counts (all zero before it started). */
	Mono<Tally> tally(BroadcastId id, Instant now);

	/** Emits one page of the broadcast's recipients, by id. */
	Flux<RecipientRow> recipients(BroadcastId id, RecipientQuery query);

	/**
	 * The counts of one broadcast.
	 *
	 * @param counts how many recipients are in each state on each channel (a null
	 * channel: none chosen)
	 * @param sentLastMinute how many messages were sent in the minute before now
	 * @param buttons how many recipients replied with each button
	 */
	record Tally(List<Count> counts, long sentLastMinute, Map<String, Long> buttons) {

		public Tally {
			counts = List.copyOf(counts);
			buttons = Map.copyOf(buttons);
		}

	}

	/** The recipients in one state on one channel. */
	record Count(RecipientState state, @Nullable ChatChannel channel, long count) {
	}

}
