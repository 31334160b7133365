package dev.punchcard.core.broadcast.application;

import java.time.Clock;

import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Mono;

/**
 * Stops a broadcast for good: the recipients still queued are cancelled and never sent
 * it; messages in flight are still recorded.
 */
public class CancelBroadcast {

	private final Broadcasts broadcasts;

	private final Clock clock;

	public CancelBroadcast(Broadcasts broadcasts, Clock clock) {
		this.broadcasts = broadcasts;
		this.clock = clock;
	}

	/** Emits {@code Done}, {@code Unknown} or {@code NotAllowed}. */
	public Mono<BroadcastOutcome> cancel(BroadcastId id, StaffId by) {
		return this.broadcasts.move(id, Action.CANCEL, null, by, this.clock.instant())
			.flatMap((move) -> Moves.answer(this.broadcasts, id, Action.CANCEL, move));
	}

}
