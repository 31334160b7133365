package dev.punchcard.core.points.application;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Proves {@code balance = SUM(entries)} for every customer, and that no customer's
 * expired points exceed the lots already due (what first-in-first-out allows).
 */
public class CheckLedger {

	private static final int MAX_REPORTED = 1_000;

	private final PointsLedger ledger;

	private final ExpiryLedger expiries;

	private final Clock clock;

	public CheckLedger(PointsLedger ledger, ExpiryLedger expiries, Clock clock) {
		this.ledger = ledger;
		this.expiries = expiries;
		this.clock = clock;
	}

	/**
	 * Emits the report; at most the first 1,000 mismatches of each kind are listed. Never
	 * errors for business reasons.
	 */
	public Mono<LedgerReport> check() {
		Instant now = this.clock.instant();
		return Mono
			.zip(this.ledger.countBalances(), this.ledger.mismatches().take(MAX_REPORTED).collectList(),
					this.expiries.overExpired(now).take(MAX_REPORTED).collectList())
			.map((checked) -> new LedgerReport(now, checked.getT1(), checked.getT2(), checked.getT3()));
	}

}
