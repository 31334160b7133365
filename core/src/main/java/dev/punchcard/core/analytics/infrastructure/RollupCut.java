package dev.punchcard.core.analytics.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dev.punchcard.core.analytics.domain.AnalyticsQuery;

/**
 * How a query's range splits between rollups and raw rows.
 *
 * <p>
 * Hourly rollups (sales, points) answer the whole range when the zone's offsets are whole
 * hours ({@link #hourly()}); otherwise the raw rows answer it all. Daily line-item
 * rollups (UTC days) answer the UTC days wholly inside the range, {@code [middleStart,
 * middleEnd)}, monthly ones the whole UTC months among those days; the raw rows answer
 * the ends before and after them. Either way, raw rows inserted after the watermark
 * ({@code mark}) answer the rolled-up part too.
 *
 * @param start the range's first instant
 * @param end the instant after it
 * @param hourly whether hourly rollups may answer
 * @param middleStart first instant of the UTC days the daily rollups answer
 * @param middleEnd the instant after them ({@code = middleStart}: none)
 */
record RollupCut(Instant start, Instant end, boolean hourly, Instant middleStart, Instant middleEnd) {

	static RollupCut of(AnalyticsQuery query) {
		Instant start = query.start();
		Instant end = query.end();
		Instant firstDay = start.truncatedTo(ChronoUnit.DAYS);
		if (firstDay.isBefore(start)) {
			firstDay = firstDay.plus(1, ChronoUnit.DAYS);
		}
		Instant lastDay = end.truncatedTo(ChronoUnit.DAYS);
		if (!firstDay.isBefore(lastDay)) {
			return new RollupCut(start, end, query.wholeHourOffsets(), end, end);
		}
		return new RollupCut(start, end, query.wholeHourOffsets(), firstDay, lastDay);
	}

	LocalDate middleFirstDay() {
		return LocalDate.ofInstant(this.middleStart, ZoneOffset.UTC);
	}

	LocalDate middleEndDay() {
		return LocalDate.ofInstant(this.middleEnd, ZoneOffset.UTC);
	}

	/**
	 * The first of the whole UTC months inside the middle days, which the monthly rollups
	 * answer up to {@link #monthsEnd()}; the daily rollups answer the days before and
	 * after them. Both are {@link #middleEndDay()} when no month is whole.
	 */
	LocalDate monthsStart() {
		LocalDate first = firstMonthFrom(middleFirstDay());
		return first.isBefore(middleEndDay().withDayOfMonth(1)) ? first : middleEndDay();
	}

	/** The first day after the whole UTC months (see {@link #monthsStart()}). */
	LocalDate monthsEnd() {
		LocalDate end = middleEndDay().withDayOfMonth(1);
		return firstMonthFrom(middleFirstDay()).isBefore(end) ? end : middleEndDay();
	}

	private static LocalDate firstMonthFrom(LocalDate day) {
		return (day.getDayOfMonth() == 1) ? day : day.withDayOfMonth(1).plusMonths(1);
	}

	static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
