package dev.punchcard.core.analytics.application;

import java.time.Instant;

/**
 * One run of the rollup job: the window of insertion times it rolled up, after
 * {@code from} and up to {@code to} (included), and how many rows of each it took.
 */
public record RollupRun(Instant from, Instant to, long purchases, long refunds, long ledgerEntries) {
}
