package dev.punchcard.core.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * One report's question: the local dates {@code from} to {@code to} (both included) in a
 * zone, at one store or all ({@code store} null), bucketed by {@code grain}.
 *
 * @param from first local date
 * @param to last local date, not before {@code from}
 * @param zone the zone the dates are read in
 * @param store the store, or null for all stores
 * @param grain the series' buckets
 */
public record AnalyticsQuery(LocalDate from, LocalDate to, ZoneId zone, @Nullable StoreId store, Grain grain) {

	/** The longest range a report covers, in days. */
	public static final int MAX_DAYS = 366;

	public AnalyticsQuery {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to " + to + " is before from " + from);
		}
		if (days(from, to) > MAX_DAYS) {
			throw new IllegalArgumentException("the range is longer than " + MAX_DAYS + " days");
		}
	}

	/** The number of local dates from {@code from} to {@code to}, both included. */
	public static long days(LocalDate from, LocalDate to) {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The first instant of the range: the start of {@code from} in the zone. */
	public Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/** The instant after the range: the start of the day after {@code to}. */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	/**
	 * Whether every offset the zone has from a day before the range to a day after it is
	 * a whole number of hours, so each UTC hour falls inside one local day and hourly
	 * rollups answer the range exactly.
	 */
	public boolean wholeHourOffsets() {
		ZoneRules rules = this.zone.getRules();
		Instant at = start().minus(1, ChronoUnit.DAYS);
		Instant until = end().plus(1, ChronoUnit.DAYS);
		if (rules.getOffset(at).getTotalSeconds() % 3600 != 0) {
			return false;
		}
		ZoneOffsetTransition next = rules.nextTransition(at);
		while (next != null && next.getInstant().isBefore(until)) {
			if (next.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
				return false;
			}
			next = rules.nextTransition(next.getInstant());
		}
		return true;
	}

}
