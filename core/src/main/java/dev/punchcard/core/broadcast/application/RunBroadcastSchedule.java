package dev.punchcard.core.broadcast.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.segment.application.Segments;
import reactor.core.publisher.Mono;

/**
 * One round of the broadcast schedule, safe to run on every instance at once: starts the
 * scheduled broadcasts whose time has come (a conditional update starts each once),
 * pauses running ones whose template can no longer be sent, and completes running ones
 * with nothing left to send.
 */
public class RunBroadcastSchedule {

	private final Broadcasts broadcasts;

	private final Segments segments;

	private final Clock clock;

	public RunBroadcastSchedule(Broadcasts broadcasts, Segments segments, Clock clock) {
		this.broadcasts = broadcasts;
		this.segments = segments;
		this.clock = clock;
	}

	/** Emits how many broadcasts this round started, paused and completed. */
	public Mono<Round> run() {
		Instant now = this.clock.instant();
		return this.broadcasts.due(now)
			.concatMap((broadcast) -> startDue(broadcast, now))
			.count()
			.flatMap((started) -> pauseThenComplete(started, now));
	}

	private Mono<Round> pauseThenComplete(long started, Instant now) {
		return this.broadcasts.pauseUnsendable(now)
			.zipWhen((paused) -> this.broadcasts.completeFinished(now),
					(paused, completed) -> new Round(started, paused, completed));
	}

	/** Starts a due broadcast; emits only when this instance started it. */
	private Mono<Boolean> startDue(Broadcast broadcast, Instant now) {
		if (broadcast.segment() == null) {
			return Mono.empty();
		}
		return this.segments.find(broadcast.segment())
			.flatMap((segment) -> this.broadcasts.start(broadcast.id(), segment.filter(), null, now))
			.filter(Broadcasts.Move::moved)
			.map(Broadcasts.Move::moved);
	}

	/** What one round did. */
	public record Round(long started, long paused, long completed) {
	}

}
