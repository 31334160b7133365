package dev.punchcard.core.analytics.infrastructure;

import java.time.LocalDate;
import java.time.ZoneId;

import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import dev.punchcard.core.analytics.domain.Grain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollupCutTest {

	private static RollupCut cut(String from, String to, String zone) {
		return RollupCut
			.of(new AnalyticsQuery(LocalDate.parse(from), LocalDate.parse(to), ZoneId.of(zone), null, Grain.DAY));
	}

	@Test
	void should_give_the_whole_utc_months_to_the_monthly_rollups_when_the_range_holds_some() {
		RollupCut cut = cut("2025-12-04", "2026-12-03", "Europe/Berlin");

		assertThat(cut.middleFirstDay()).isEqualTo("2025-12-04");
		assertThat(cut.monthsStart()).isEqualTo("2026-01-01");
		assertThat(cut.monthsEnd()).isEqualTo("2026-12-01");
		assertThat(cut.middleEndDay()).isEqualTo("2026-12-03");
	}

	@Test
	void should_start_the_months_on_the_first_day_when_it_is_the_first_of_a_month() {
		RollupCut cut = cut("2026-03-01", "2026-04-30", "UTC");

		assertThat(cut.monthsStart()).isEqualTo("2026-03-01");
		assertThat(cut.monthsEnd()).isEqualTo("2026-05-01");
		assertThat(cut.middleEndDay()).isEqualTo("2026-05-01");
	}

	@Test
	void should_leave_every_day_to_the_daily_rollups_when_no_month_is_whole() {
		for (RollupCut cut : new RollupCut[] { cut("2026-03-02", "2026-04-15", "Europe/Berlin"),
				cut("2026-03-01", "2026-03-15", "UTC"), cut("2026-03-29", "2026-03-29", "Asia/Kolkata") }) {
			assertThat(cut.monthsStart()).isEqualTo(cut.middleEndDay());
			assertThat(cut.monthsEnd()).isEqualTo(cut.middleEndDay());
		}
	}

	@Test
	void should_not_count_the_month_of_a_range_end_that_starts_before_utc_midnight() {
		// Berlin's 1 March starts at 23:00 UTC on 28 February: that hour is raw, March
		// whole
		RollupCut cut = cut("2026-03-01", "2026-04-15", "Europe/Berlin");

		assertThat(cut.middleFirstDay()).isEqualTo("2026-03-01");
		assertThat(cut.monthsStart()).isEqualTo("2026-03-01");
		assertThat(cut.monthsEnd()).isEqualTo("2026-04-01");
	}

}
