package dev.punchcard.core.segment.application;

import java.time.Instant;

import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Every member's RFM quintiles, class and churn risk, recomputed together over the
 * purchases in the database. One recompute at a time across all instances; a scheduled
 * one once per period.
 */
public interface CustomerScores {

	/**
	 * Recomputes every member's scores as of {@code now}, in one transaction with its run
	 * record and audit row. With a {@code periodStart} (a scheduled run) it does nothing
	 * when that period's run happened already; {@code by} is null for scheduled runs.
	 */
	Mono<ScoreRun> recompute(Instant now, @Nullable Instant periodStart, @Nullable StaffId by);

}
