package dev.punchcard.core.points.application;

import java.time.Clock;

import reactor.core.publisher.Mono;

/** Proves {@code balance = SUM(entries)} for every customer. */
public class CheckLedger {

	private static final int MAX_REPORTED = 1_000;

	private final PointsLedger ledger;

	private final Clock clock;

	public CheckLedger(PointsLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Emits the report; at most the first 1,000 mismatches are listed. Never errors for
	 * business reasons.
	 */
	public Mono<LedgerReport> check() {
		return Mono.zip(this.ledger.countBalances(), this.ledger.mismatches().take(MAX_REPORTED).collectList())
			.map((checked) -> new LedgerReport(this.clock.instant(), checked.getT1(), checked.getT2()));
	}

}
