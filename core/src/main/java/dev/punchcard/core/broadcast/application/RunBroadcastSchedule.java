package dev.punchcard.core.broadcast.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import dev.punchcard.core.segment.application.Segments;
import reactor.core.publisher.Mono;

/**
 * One round of the broadcast schedule, safe to run on every instance at once: starts the
 * scheduled broadcasts whose time has come (a conditional update starts each once; one
 * whose segment was deleted meanwhile is cancelled with the reason), pauses running ones
 * whose template can no longer be sent, and completes running ones with nothing left to
 * send.
 */
public class RunBroadcastSchedule {

	static final String SEGMENT_GONE = "its segment was deleted before its scheduled start, so it had nobody to send to";

	private final Broadcasts broadcasts;

	private final Segments segments;

	private final Clock clock;

	public RunBroadcastSchedule(Broadcasts broadcasts, Segments segments, Clock clock) {
		this.broadcasts = broadcasts;
		this.segments = segments;
		this.clock = clock;
	}

	/** Emits how many broadcasts this round started, cancelled, paused and completed. */
	public Mono<Round> run() {
		Instant now = this.clock.instant();
		return this.broadcasts.due(now)
			.concatMap((broadcast) -> startDue(broadcast, now))
			.collectList()
			.flatMap((due) -> pauseThenComplete(count(due, Due.STARTED), count(due, Due.CANCELLED), now));
	}

	private Mono<Round> pauseThenComplete(long started, long cancelled, Instant now) {
		return this.broadcasts.pauseUnsendable(now)
			.zipWhen((paused) -> this.broadcasts.completeFinished(now),
					(paused, completed) -> new Round(started, cancelled, paused, completed));
	}

	/**
	 * Starts a due broadcast, or cancels it when its segment was deleted while it waited
	 * (with nobody to send to, it would otherwise wait for ever); emits only what this
	 * instance did.
	 */
	private Mono<Due> startDue(Broadcast broadcast, Instant now) {
		if (broadcast.segment() == null) {
			return cancelOrphan(broadcast, now);
		}
		return this.segments.find(broadcast.segment())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((segment) -> segment
				.map((found) -> this.broadcasts.start(broadcast.id(), found.filter(), null, now)
					.filter(Broadcasts.Move::moved)
					.map((move) -> Due.STARTED))
				.orElseGet(() -> cancelOrphan(broadcast, now)));
	}

	private Mono<Due> cancelOrphan(Broadcast broadcast, Instant now) {
		return this.broadcasts.move(broadcast.id(), Action.CANCEL, SEGMENT_GONE, null, now)
			.filter(Broadcasts.Move::moved)
			.map((move) -> Due.CANCELLED);
	}

	private static long count(List<Due> due, Due what) {
		return due.stream().filter(what::equals).count();
	}

	private enum Due {

		STARTED, CANCELLED

	}

	/** What one round did. */
	public record Round(long started, long cancelled, long paused, long completed) {
	}

}
