package dev.punchcard.core.points.application;

import java.time.Instant;

import dev.punchcard.core.points.domain.ExpiringLots;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The ledger as the expiry of points reads it: lots, what falls due, runs. */
public interface ExpiryLedger {

	/**
	 * Emits what is left of the customer's lots that expire (an unknown customer has
	 * none). Read under the account lock, it is exact until the lock is released.
	 */
	Mono<ExpiringLots> lotsOf(CustomerId customerId);

	/**
	 * Emits, in one set-based query, every customer with points due by {@code now} among
	 * lots that fall due after {@code since}.
	 */
	Flux<CustomerId> withPointsDue(Instant since, Instant now);

	/**
	 * Emits the points that fall due in {@code (from, to]}, one per customer and expiry
	 * instant, that no warning was queued for yet.
	 */
	Flux<UpcomingExpiry> upcoming(Instant from, Instant to);

	/**
	 * Emits the instant up to which the latest completed run expired every due lot, or
	 * completes empty before the first run.
	 */
	Mono<Instant> lastRunUpTo();

	/** Records a completed run; recording the same instant twice keeps the first. */
	Mono<Void> recordRun(ExpiryRun run);

	/**
	 * Emits every customer whose EXPIRE entries took more points than their lots due by
	 * {@code now} held; empty when none did.
	 */
	Flux<ExpiryMismatch> overExpired(Instant now);

}
