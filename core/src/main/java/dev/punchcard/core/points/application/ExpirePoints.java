package dev.punchcard.core.points.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.shared.domain.Points;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One run of the points expiry: every member with points due since the last completed run
 * is expired, each in a transaction of their own ({@link ExpireMemberPoints}), and the
 * run is recorded once all are done. A run that stops half-way records nothing, so the
 * next one looks at the same lots again and finds the members already done; two runs at
 * once expire each due lot once.
 */
public class ExpirePoints {

	private final ExpiryLedger expiries;

	private final ExpireMemberPoints member;

	private final Clock clock;

	public ExpirePoints(ExpiryLedger expiries, ExpireMemberPoints member, Clock clock) {
		this.expiries = expiries;
		this.member = member;
		this.clock = clock;
	}

	/** Emits what the run did; errors only for infrastructure failures. */
	public Mono<ExpiryRun> run() {
		Instant now = this.clock.instant();
		return this.expiries.lastRunUpTo()
			.defaultIfEmpty(Instant.EPOCH)
			.flatMap((since) -> this.expiries.withPointsDue(since, now).collectList())
			// the members first, so that no connection stays on the query during their
			// transactions
			.flatMapMany(Flux::fromIterable)
			.concatMap((customer) -> this.member.expire(customer, now))
			.reduce(new ExpiryRun(now, 0, 0), ExpirePoints::add)
			.flatMap((run) -> this.expiries.recordRun(run).thenReturn(run));
	}

	private static ExpiryRun add(ExpiryRun run, Points expired) {
		return new ExpiryRun(run.upTo(), run.members() + 1, run.points() + expired.value());
	}

}
