package dev.punchcard.core.analytics.application;

import dev.punchcard.core.analytics.domain.AnalyticsQuery;

/**
 * What asking for a report gives.
 *
 * @param <R> the report
 */
public sealed interface AnalyticsOutcome<R> {

	/**
	 * The report, with the question it answers (the store resolved, the range checked).
	 */
	record Answered<R>(AnalyticsQuery query, R report) implements AnalyticsOutcome<R> {
	}

	/** A parameter ({@code from}, {@code to}, {@code store}) was refused, with why. */
	record Invalid<R>(String parameter, String reason) implements AnalyticsOutcome<R> {
	}

	/** The staff member may not see that store. */
	record Forbidden<R>(String reason) implements AnalyticsOutcome<R> {
	}

}
