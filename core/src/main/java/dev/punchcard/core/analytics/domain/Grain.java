package dev.punchcard.core.analytics.domain;

/** The buckets of a report's series: local days, or ISO weeks starting on Monday. */
public enum Grain {

	DAY, WEEK

}
