package dev.punchcard.core.leaderboard.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * When leaderboard weeks close: every {@code closeDay} at {@code closeTime} in
 * {@code zone}. A week is the 7 local days before a close; its bounds are computed from
 * the local date and time in the zone, so a week with a daylight-saving change is 167 or
 * 169 hours long and still closes at the wall-clock time (a close time the change skips
 * moves forward by the gap, as {@link ZonedDateTime#of} does).
 *
 * @param closeDay the day weeks close
 * @param closeTime the local time they close
 * @param zone the zone both are read in
 */
public record WeekSchedule(DayOfWeek closeDay, LocalTime closeTime, ZoneId zone) {

	/** The week that contains the instant. */
	public Week weekAt(Instant instant) {
		LocalDate lastClose = lastCloseDateAtOrBefore(instant);
		return weekClosingOn(lastClose.plusWeeks(1));
	}

	/**
	 * The week a local date belongs to: the one that contains its noon (most of the day).
	 */
	public Week weekOf(LocalDate day) {
		return weekAt(ZonedDateTime.of(day, LocalTime.NOON, this.zone).toInstant());
	}

	/** The week that closes on the local date (which must be a close day). */
	public Week weekClosingOn(LocalDate closeDate) {
		if (closeDate.getDayOfWeek() != this.closeDay) {
			throw new IllegalArgumentException(closeDate + " is not a " + this.closeDay);
		}
		LocalDate startDate = closeDate.minusWeeks(1);
		return new Week(startDate, at(startDate), at(closeDate));
	}

	/** The first close strictly after the instant. */
	public Instant nextCloseAfter(Instant instant) {
		return weekAt(instant).end();
	}

	/**
	 * Every week whose close lies at or after {@code firstEnd} and at or before
	 * {@code now}, oldest first.
	 */
	public List<Week> closedBetween(Instant firstEnd, Instant now) {
		List<Week> weeks = new ArrayList<>();
		Week week = weekAt(firstEnd.minusNanos(1));
		while (!week.end().isAfter(now)) {
			weeks.add(week);
			week = weekClosingOn(week.end().atZone(this.zone).toLocalDate().plusWeeks(1));
			if (weeks.size() > 10_000) {
				throw new IllegalStateException("more than 10,000 weeks between " + firstEnd + " and " + now);
			}
		}
		return weeks;
	}

	private LocalDate lastCloseDateAtOrBefore(Instant instant) {
		LocalDate today = instant.atZone(this.zone).toLocalDate();
		LocalDate candidate = today.with(TemporalAdjusters.previousOrSame(this.closeDay));
		return at(candidate).isAfter(instant) ? candidate.minusWeeks(1) : candidate;
	}

	private Instant at(LocalDate date) {
		return ZonedDateTime.of(date, this.closeTime, this.zone).toInstant();
	}

}
