package dev.punchcard.core.analytics.application;

import reactor.core.publisher.Mono;

/**
 * The rollups behind the reports, filled by insertion time up to a watermark.
 */
public interface AnalyticsRollups {

	/**
	 * Rolls up, in one transaction, every purchase, refund and ledger entry inserted
	 * after the watermark and up to a new one (now less the lag, and never past the start
	 * of a transaction still running), then moves the watermark there. Emits what it
	 * rolled up, or completes empty when another instance is rolling up at the moment.
	 */
	Mono<RollupRun> rollUp();

}
