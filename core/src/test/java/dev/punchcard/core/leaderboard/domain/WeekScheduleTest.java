package dev.punchcard.core.leaderboard.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WeekScheduleTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final WeekSchedule sundays = new WeekSchedule(DayOfWeek.SUNDAY, LocalTime.of(23, 59), BERLIN);

	@Test
	void should_place_an_instant_in_the_seven_days_before_the_next_sunday_close_when_closing_on_sundays() {
		Week week = this.sundays.weekAt(Instant.parse("2026-12-02T10:00:00Z"));

		assertThat(week.startDate()).isEqualTo(LocalDate.parse("2026-11-29"));
		assertThat(week.start()).isEqualTo(Instant.parse("2026-11-29T22:59:00Z"));
		assertThat(week.end()).isEqualTo(Instant.parse("2026-12-06T22:59:00Z"));
	}

	@Test
	void should_put_the_close_instant_itself_in_the_next_week_when_intervals_are_half_open() {
		Instant close = Instant.parse("2026-12-06T22:59:00Z");

		assertThat(this.sundays.weekAt(close.minusNanos(1)).end()).isEqualTo(close);
		assertThat(this.sundays.weekAt(close).start()).isEqualTo(close);
		assertThat(this.sundays.weekAt(close).contains(close)).isTrue();
		assertThat(this.sundays.weekAt(close.minusNanos(1)).contains(close)).isFalse();
	}

	@Test
	void should_close_at_the_wall_clock_time_and_last_167_hours_when_summer_time_starts_in_the_week() {
		// Berlin moves its clocks forward on Sunday 2026-03-29
		Week week = this.sundays.weekAt(Instant.parse("2026-03-25T12:00:00Z"));

		assertThat(week.start()).isEqualTo(Instant.parse("2026-03-22T22:59:00Z"));
		assertThat(week.end()).isEqualTo(Instant.parse("2026-03-29T21:59:00Z"));
		assertThat(Duration.between(week.start(), week.end())).isEqualTo(Duration.ofHours(167));
	}

	@Test
	void should_last_169_hours_when_summer_time_ends_in_the_week() {
		Week week = this.sundays.weekAt(Instant.parse("2026-10-21T12:00:00Z"));

		assertThat(Duration.between(week.start(), week.end())).isEqualTo(Duration.ofHours(169));
		assertThat(week.end().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(23, 59));
	}

	@Test
	void should_start_weeks_on_the_close_day_when_a_custom_day_and_time_are_set() {
		WeekSchedule wednesdays = new WeekSchedule(DayOfWeek.WEDNESDAY, LocalTime.of(6, 0), ZoneId.of("UTC"));

		Week before = wednesdays.weekAt(Instant.parse("2026-12-02T05:59:59Z"));
		Week after = wednesdays.weekAt(Instant.parse("2026-12-02T06:00:00Z"));

		assertThat(before.end()).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
		assertThat(after.startDate()).isEqualTo(LocalDate.parse("2026-12-02"));
		assertThat(after.end()).isEqualTo(Instant.parse("2026-12-09T06:00:00Z"));
	}

	@Test
	void should_read_a_day_at_noon_when_a_day_names_the_week() {
		assertThat(this.sundays.weekOf(LocalDate.parse("2026-12-06")).end())
			.isEqualTo(Instant.parse("2026-12-06T22:59:00Z"));
		assertThat(this.sundays.weekOf(LocalDate.parse("2026-12-07")).startDate())
			.isEqualTo(LocalDate.parse("2026-12-06"));
	}

	@Test
	void should_list_every_closed_week_from_the_start_point_when_runs_were_missed() {
		Instant firstEnd = Instant.parse("2026-11-29T22:59:00Z");

		assertThat(this.sundays.closedBetween(firstEnd, Instant.parse("2026-12-14T08:00:00Z")))
			.extracting(Week::startDate)
			.containsExactly(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-29"),
					LocalDate.parse("2026-12-06"));
		assertThat(this.sundays.closedBetween(firstEnd, firstEnd.minusSeconds(1))).isEmpty();
		assertThat(this.sundays.closedBetween(firstEnd, firstEnd)).hasSize(1);
	}

	@Test
	void should_refuse_a_close_date_on_another_day_when_asked_for_the_week_closing_on_it() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sundays.weekClosingOn(LocalDate.parse("2026-12-02")));
	}

}
