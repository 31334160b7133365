package dev.punchcard.core.broadcast.application;

import java.time.Instant;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stored broadcasts and their recipients. Every change of a broadcast writes its audit
 * row (who, when, what) in the same statement; {@code by} null means the service itself.
 * Each move is one conditional statement, so of two concurrent moves only one wins.
 */
public interface Broadcasts {

	/** Stores the new broadcast, audited as created by its {@code createdBy}. */
	Mono<Broadcast> insert(Broadcast broadcast);

	/** Emits the broadcast, or completes empty. */
	Mono<Broadcast> find(BroadcastId id);

	/** Emits a page of broadcasts, newest first. */
	Flux<Broadcast> page(int offset, int limit);

	/**
	 * Pauses (with {@code reason}), resumes or cancels the broadcast if the action is
	 * allowed in its state; cancelling also cancels every recipient still queued.
	 * {@code by} null: the service itself moved it.
	 */
	Mono<Move> move(BroadcastId id, BroadcastState.Action action, @Nullable String reason, @Nullable StaffId by,
			Instant at);

	/** Moves a draft to SCHEDULED, to be started by the schedule at its time. */
	Mono<Move> schedule(BroadcastId id, StaffId by, Instant at);

	/**
	 * Starts the broadcast, if it is a draft ({@code by} given) or a scheduled one that
	 * is due ({@code by} null): RUNNING, and every member the filter matches now written
	 * as a recipient once, in the database (queued on the channel its policy picks, or
	 * skipped with the reason), in the same transaction.
	 */
	Mono<Move> start(BroadcastId id, SegmentFilter audience, @Nullable StaffId by, Instant at);

	/** Emits the scheduled broadcasts whose time has come. */
	Flux<Broadcast> due(Instant at);

	/**
	 * Pauses every running broadcast whose template can no longer be sent (a WhatsApp
	 * template no longer APPROVED or gone, a deleted Telegram template), with the reason;
	 * emits how many.
	 */
	Mono<Long> pauseUnsendable(Instant at);

	/**
	 * Marks COMPLETED every running broadcast with no recipient left to send, and cancels
	 * the claims of cancelled broadcasts whose lease ended; emits how many completed.
	 */
	Mono<Long> completeFinished(Instant at);

	/**
	 * What a move did.
	 *
	 * @param before the state before, or null when no broadcast has the id
	 * @param moved whether it moved
	 */
	record Move(@Nullable BroadcastState before, boolean moved) {
	}

}
