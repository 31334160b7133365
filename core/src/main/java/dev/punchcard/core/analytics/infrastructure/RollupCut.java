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
 * middleEnd)}; the raw rows answer the ends before and after them. Either way, raw rows
 * inserted after the watermark ({@code mark}) answer the rolled-up part too.
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

	static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
