package dev.punchcard.core.broadcast.application;

import java.time.Clock;

import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Mono;

/** Holds a running broadcast: nothing more is claimed until it is resumed. */
public class PauseBroadcast {

	private final Broadcasts broadcasts;

	private final Clock clock;

	public PauseBroadcast(Broadcasts broadcasts, Clock clock) {
		this.broadcasts = broadcasts;
		this.clock = clock;
	}

	/** Emits {@code Done}, {@code Unknown} or {@code NotAllowed}. */
	public Mono<BroadcastOutcome> pause(BroadcastId id, StaffId by) {
		return this.broadcasts.move(id, Action.PAUSE, "paused by staff member " + by, by, this.clock.instant())
			.flatMap((move) -> Moves.answer(this.broadcasts, id, Action.PAUSE, move));
	}

}
