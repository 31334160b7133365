package dev.punchcard.core.broadcast.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Catches up on the statuses that came before their send was settled and that the settle
 * did not apply (its statement failed after the message id was written, or its instance
 * stopped): forgets those kept longer than their time to live, then applies the others
 * whose message a recipient now has, a batch at a time until a batch comes back short or
 * {@link #MAX_BATCHES} were applied. Safe to run on every instance at once.
 */
public class CatchUpEarlyStatuses {

	/** The most batches one run applies; the next run goes on with what is left. */
	static final int MAX_BATCHES = 100;

	private final EarlyStatuses early;

	private final Duration ttl;

	private final int batch;

	private final Clock clock;

	/**
	 * @param ttl how long a status is kept for the settle of its send
	 * @param batch the most statuses one statement applies
	 */
	public CatchUpEarlyStatuses(EarlyStatuses early, Duration ttl, int batch, Clock clock) {
		if (ttl.isNegative() || ttl.isZero() || batch < 1) {
			throw new IllegalArgumentException(
					"a catch-up needs a positive time to live and batch: " + ttl + ", " + batch);
		}
		this.early = early;
		this.ttl = ttl;
		this.batch = batch;
		this.clock = clock;
	}

	/**
	 * Emits how many kept statuses this run applied and how many it forgot; the stale
	 * ones are forgotten first, so a status past its time to live is never applied.
	 */
	public Mono<CatchUp> run() {
		return Mono.defer(() -> {
			Instant keptSince = this.clock.instant().minus(this.ttl);
			return this.early.forgetKeptBefore(keptSince)
				.flatMap((forgotten) -> applySettled(keptSince).map((applied) -> new CatchUp(applied, forgotten)));
		});
	}

	private Mono<Long> applySettled(Instant keptSince) {
		return Mono.defer(() -> this.early.applySettled(keptSince, this.batch))
			.repeat(MAX_BATCHES - 1)
			.takeUntil((applied) -> applied < this.batch)
			.reduce(0L, Long::sum);
	}

	/** What one run did. */
	public record CatchUp(long applied, long forgotten) {
	}

}
