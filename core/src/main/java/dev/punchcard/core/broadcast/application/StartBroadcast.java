package dev.punchcard.core.broadcast.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import dev.punchcard.core.segment.application.Segments;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Mono;

/**
 * Starts a draft: now, writing every member of its segment as a recipient, or, when its
 * schedule lies ahead, as SCHEDULED for the schedule to start at that time.
 */
public class StartBroadcast {

	private final Broadcasts broadcasts;

	private final Segments segments;

	private final Clock clock;

	public StartBroadcast(Broadcasts broadcasts, Segments segments, Clock clock) {
		this.broadcasts = broadcasts;
		this.segments = segments;
		this.clock = clock;
	}

	/** Emits {@code Done}, {@code Unknown}, {@code NotAllowed} or {@code SegmentGone}. */
	public Mono<BroadcastOutcome> start(BroadcastId id, StaffId by) {
		return this.broadcasts.find(id)
			.flatMap((broadcast) -> startOrSchedule(broadcast, by))
			.switchIfEmpty(Mono.fromSupplier(() -> new BroadcastOutcome.Unknown(id)));
	}

	private Mono<BroadcastOutcome> startOrSchedule(Broadcast broadcast, StaffId by) {
		Instant now = this.clock.instant();
		if (!Action.START.allowedIn(broadcast.state())) {
			return Mono.just(new BroadcastOutcome.NotAllowed(broadcast.id(), Action.START, broadcast.state()));
		}
		if (broadcast.scheduledAt() != null && broadcast.scheduledAt().isAfter(now)) {
			return this.broadcasts.schedule(broadcast.id(), by, now)
				.flatMap((move) -> Moves.answer(this.broadcasts, broadcast.id(), Action.START, move));
		}
		if (broadcast.segment() == null) {
			return Mono.just(new BroadcastOutcome.SegmentGone(broadcast.id()));
		}
		return this.segments.find(broadcast.segment())
			.flatMap((segment) -> this.broadcasts.start(broadcast.id(), segment.filter(), by, now))
			.flatMap((move) -> Moves.answer(this.broadcasts, broadcast.id(), Action.START, move))
			.switchIfEmpty(Mono.fromSupplier(() -> new BroadcastOutcome.SegmentGone(broadcast.id())));
	}

}
