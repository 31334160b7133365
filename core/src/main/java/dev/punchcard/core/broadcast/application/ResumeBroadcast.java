package dev.punchcard.core.broadcast.application;

import java.time.Clock;

import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Mono;

/** Lets a paused broadcast send again. */
public class ResumeBroadcast {

	private final Broadcasts broadcasts;

	private final Clock clock;

	public ResumeBroadcast(Broadcasts broadcasts, Clock clock) {
		this.broadcasts = broadcasts;
		this.clock = clock;
	}

	/** Emits {@code Done}, {@code Unknown} or {@code NotAllowed}. */
	public Mono<BroadcastOutcome> resume(BroadcastId id, StaffId by) {
		return this.broadcasts.move(id, Action.RESUME, null, by, this.clock.instant())
			.flatMap((move) -> Moves.answer(this.broadcasts, id, Action.RESUME, move));
	}

}
