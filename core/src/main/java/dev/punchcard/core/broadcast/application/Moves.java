package dev.punchcard.core.broadcast.application;

import dev.punchcard.core.broadcast.application.Broadcasts.Move;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import reactor.core.publisher.Mono;

/** Turns what a move did into the outcome, reading the broadcast as it is after it. */
final class Moves {

	private Moves() {
	}

	static Mono<BroadcastOutcome> answer(Broadcasts broadcasts, BroadcastId id, Action action, Move move) {
		if (move.before() == null) {
			return Mono.just(new BroadcastOutcome.Unknown(id));
		}
		if (!move.moved()) {
			return Mono.just(new BroadcastOutcome.NotAllowed(id, action, move.before()));
		}
		return broadcasts.find(id)
			.<BroadcastOutcome>map(BroadcastOutcome.Done::new)
			.defaultIfEmpty(new BroadcastOutcome.Unknown(id));
	}

}
