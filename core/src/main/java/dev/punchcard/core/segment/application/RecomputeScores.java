package dev.punchcard.core.segment.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Mono;

/**
 * Recomputes the RFM classes and churn risks of every member: on a schedule, once per
 * period across all instances, or on demand by a staff member.
 */
public class RecomputeScores {

	private final CustomerScores scores;

	private final Duration period;

	private final Clock clock;

	/**
	 * @param period how often the scheduled run happens; periods start at multiples of it
	 * since the epoch (days start at midnight UTC)
	 */
	public RecomputeScores(CustomerScores scores, Duration period, Clock clock) {
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("the recompute period must be positive: " + period);
		}
		this.scores = scores;
		this.period = period;
		this.clock = clock;
	}

	/** Emits what the run did; {@code Busy} when another instance is recomputing. */
	public Mono<ScoreRun> recompute(Trigger trigger) {
		Instant now = this.clock.instant();
		return switch (trigger) {
			case Trigger.Scheduled scheduled -> this.scores.recompute(now, periodStart(now), null);
			case Trigger.OnDemand onDemand -> this.scores.recompute(now, null, onDemand.by());
		};
	}

	private Instant periodStart(Instant now) {
		long millis = this.period.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
	}

	/** Why a recompute runs. */
	public sealed interface Trigger {

		/** The schedule's tick: runs once per period. */
		record Scheduled() implements Trigger {
		}

		/** A staff member asked for it. */
		record OnDemand(StaffId by) implements Trigger {
		}

	}

}
