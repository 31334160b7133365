package dev.punchcard.core.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnalyticsQueryTest {

	private static AnalyticsQuery query(String from, String to, String zone) {
		return new AnalyticsQuery(LocalDate.parse(from), LocalDate.parse(to), ZoneId.of(zone), null, Grain.DAY);
	}

	@Test
	void should_cover_the_local_days_when_the_range_crosses_a_daylight_saving_change() {
		AnalyticsQuery march = query("2026-03-28", "2026-03-29", "Europe/Berlin");

		assertThat(march.start()).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
		assertThat(march.end()).as("after the change to summer time").isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
		assertThat(march.wholeHourOffsets()).isTrue();
	}

	@Test
	void should_not_let_hourly_rollups_answer_when_the_zone_is_off_the_hour() {
		assertThat(query("2026-01-01", "2026-01-31", "Asia/Kolkata").wholeHourOffsets()).isFalse();
		assertThat(query("2026-01-01", "2026-01-31", "America/St_Johns").wholeHourOffsets()).isFalse();
		assertThat(query("2026-01-01", "2026-12-31", "America/New_York").wholeHourOffsets()).isTrue();
		assertThat(query("2026-01-01", "2026-01-31", "UTC").wholeHourOffsets()).isTrue();
	}

	@Test
	void should_refuse_a_backwards_or_too_long_range() {
		assertThatIllegalArgumentException().isThrownBy(() -> query("2026-02-01", "2026-01-31", "UTC"));
		assertThatIllegalArgumentException().isThrownBy(() -> query("2026-01-01", "2027-01-02", "UTC"));
		assertThat(AnalyticsQuery.days(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"))).isEqualTo(366);
	}

}
