package dev.punchcard.core.segment.application;

import java.time.Instant;

/** What a recompute of the RFM classes and churn risks did. */
public sealed interface ScoreRun {

	/** This instance recomputed every member's scores. */
	record Recomputed(long scored, Instant at) implements ScoreRun {
	}

	/**
	 * The scheduled run of this period was done already (by this or another instance).
	 */
	record AlreadyDone(Instant periodStart) implements ScoreRun {
	}

	/** Another instance is recomputing right now; nothing was done here. */
	record Busy() implements ScoreRun {
	}

}
