package dev.punchcard.app.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.analytics.application.Reports.MembersReport;
import dev.punchcard.core.analytics.application.Reports.PeriodCount;
import dev.punchcard.core.analytics.application.Reports.PointsMovements;
import dev.punchcard.core.analytics.application.Reports.PointsPeriod;
import dev.punchcard.core.analytics.application.Reports.PointsReport;
import dev.punchcard.core.analytics.application.Reports.ProductRank;
import dev.punchcard.core.analytics.application.Reports.ProductsReport;
import dev.punchcard.core.analytics.application.Reports.SalesPeriod;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.domain.Grain;
import dev.punchcard.core.points.domain.ProgramFixture;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's chart data from the analytics reports. */
class DashboardChartsTest {

	private static final LocalDate FIRST = LocalDate.of(2026, 11, 30);

	private final DashboardCharts charts = new DashboardCharts(messages(), ProgramFixture.program(),
			new ObjectMapper());

	@Test
	void should_give_every_day_of_the_range_a_value_when_counted_per_day() {
		DashboardCharts.Answers answers = answers(List.of(new SalesPeriod(FIRST.plusDays(1), 2, 27_50, 0, 0)),
				List.of(new PeriodCount(FIRST, 3)), List.of(new PointsPeriod(FIRST.plusDays(2), movements(27, 5))));

		Map<String, DashboardCharts.Chart> drawn = this.charts.of(answers, FIRST, FIRST.plusDays(2), Grain.DAY,
				Locale.ENGLISH);

		assertThat(drawn.get("sales").labels()).containsExactly("2026-11-30", "2026-12-01", "2026-12-02");
		assertThat(drawn.get("sales").series().get(0).name()).isEqualTo("Revenue (EUR)");
		assertThat(drawn.get("sales").series().get(0).values()).map(Number::toString)
			.containsExactly("0.00", "27.50", "0.00");
		assertThat(longs(drawn.get("sales").series().get(1))).containsExactly(0L, 2L, 0L);
		assertThat(longs(drawn.get("members").series().get(0))).containsExactly(3L, 0L, 0L);
		assertThat(longs(drawn.get("points").series().get(0))).containsExactly(0L, 0L, 27L);
		assertThat(longs(drawn.get("points").series().get(1))).containsExactly(0L, 0L, 5L);
	}

	@Test
	void should_take_the_weeks_the_reports_have_when_counted_per_week() {
		LocalDate monday = LocalDate.of(2026, 11, 2);
		DashboardCharts.Answers answers = answers(
				List.of(new SalesPeriod(monday, 1, 10_00, 0, 0), new SalesPeriod(monday.plusWeeks(2), 1, 5_00, 0, 0)),
				List.of(), List.of());

		DashboardCharts.Chart sales = this.charts.of(answers, monday, monday.plusWeeks(20), Grain.WEEK, Locale.ENGLISH)
			.get("sales");

		assertThat(sales.labels()).containsExactly("2026-11-02", "2026-11-16");
		assertThat(longs(sales.series().get(1))).containsExactly(1L, 1L);
	}

	@Test
	void should_name_a_product_by_its_name_or_else_its_sku_and_write_json() {
		DashboardCharts.Answers answers = new DashboardCharts.Answers(members(List.of()), sales(List.of()),
				new ProductsReport(List.of(new ProductRank("SKU-1", "Beans", "coffee", 2, 12_00),
						new ProductRank("SKU-2", null, null, 1, 3_00)), List.of(), List.of(), List.of()),
				points(List.of()), null);

		String json = this.charts.json(answers, FIRST, FIRST, Grain.DAY, Locale.ENGLISH);

		assertThat(json).contains("\"products\":{\"labels\":[\"Beans\",\"SKU-2\"]", "\"values\":[12.00,3.00]");
	}

	private static List<Long> longs(DashboardCharts.Series series) {
		return series.values().stream().map(Number::longValue).toList();
	}

	private static DashboardCharts.Answers answers(List<SalesPeriod> sales, List<PeriodCount> joined,
			List<PointsPeriod> points) {
		return new DashboardCharts.Answers(members(joined), sales(sales),
				new ProductsReport(List.of(), List.of(), List.of(), List.of()), points(points), null);
	}

	private static MembersReport members(List<PeriodCount> joined) {
		return new MembersReport(0, 0, 0, joined, List.of(), List.of());
	}

	private static SalesReport sales(List<SalesPeriod> periods) {
		return new SalesReport(0, 0, 0, 0, 0, 0, periods, List.of());
	}

	private static PointsReport points(List<PointsPeriod> periods) {
		return new PointsReport(PointsMovements.NONE, periods, 0, 0);
	}

	private static PointsMovements movements(long issued, long redeemed) {
		return new PointsMovements(issued, redeemed, 0, 0, 0);
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setAlwaysUseMessageFormat(true);
		messages.addMessage("dashboard.series.revenue", Locale.ENGLISH, "Revenue ({0})");
		messages.addMessage("dashboard.series.purchases", Locale.ENGLISH, "Purchases");
		messages.addMessage("dashboard.series.joined", Locale.ENGLISH, "Joined");
		messages.addMessage("dashboard.series.issued", Locale.ENGLISH, "Issued");
		messages.addMessage("dashboard.series.redeemed", Locale.ENGLISH, "Redeemed");
		return messages;
	}

}
