package dev.punchcard.app.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.analytics.application.AnalyticsOutcome;
import dev.punchcard.core.analytics.application.Reports.MembersReport;
import dev.punchcard.core.analytics.application.Reports.PeriodCount;
import dev.punchcard.core.analytics.application.Reports.PointsPeriod;
import dev.punchcard.core.analytics.application.Reports.PointsReport;
import dev.punchcard.core.analytics.application.Reports.ProductsReport;
import dev.punchcard.core.analytics.application.Reports.SalesPeriod;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.domain.Grain;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's reports as chart data for the page (labels and series, named in the
 * page's language): one axis of buckets shared by the series over time, every day of the
 * range when counted per day (an empty bucket as 0).
 */
@Component
class DashboardCharts {

	private final MessageSource messages;

	private final String currency;

	private final ObjectMapper json;

	DashboardCharts(MessageSource messages, LoyaltyProgram program, ObjectMapper json) {
		this.messages = messages;
		this.currency = program.currency().getCurrencyCode();
		this.json = json;
	}

	/** The program's currency, which every amount is in. */
	String currency() {
		return this.currency;
	}

	/** The charts as the JSON the page's script reads. */
	String json(Answers answers, LocalDate from, LocalDate to, Grain grain, Locale locale) {
		try {
			return this.json.writeValueAsString(of(answers, from, to, grain, locale));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("the dashboard's charts could not be written as JSON", ex);
		}
	}

	Map<String, Chart> of(Answers answers, LocalDate from, LocalDate to, Grain grain, Locale locale) {
		List<LocalDate> axis = axis(answers, from, to, grain);
		List<String> labels = axis.stream().map(LocalDate::toString).toList();
		Map<LocalDate, SalesPeriod> sales = byStart(answers.sales().periods(), SalesPeriod::start);
		Map<LocalDate, PointsPeriod> points = byStart(answers.points().periods(), PointsPeriod::start);
		Map<LocalDate, PeriodCount> joined = byStart(answers.members().joinedPerPeriod(), PeriodCount::start);
		Map<String, Chart> charts = new TreeMap<>();
		charts.put("members", new Chart(labels,
				List.of(series("dashboard.series.joined", locale, axis, joined, PeriodCount::count))));
		charts.put("sales",
				new Chart(labels,
						List.of(new Series(text("dashboard.series.revenue", locale, this.currency),
								axis.stream().map((day) -> major(sales.get(day))).toList()),
								series("dashboard.series.purchases", locale, axis, sales, SalesPeriod::purchases))));
		charts.put("points",
				new Chart(labels, List.of(
						series("dashboard.series.issued", locale, axis, points, (p) -> p.movements().issued()),
						series("dashboard.series.redeemed", locale, axis, points, (p) -> p.movements().redeemed()))));
		ProductsReport products = answers.products();
		charts.put("products",
				new Chart(products.byRevenue().stream().map((p) -> (p.name() == null) ? p.sku() : p.name()).toList(),
						List.of(new Series(text("dashboard.series.revenue", locale, this.currency),
								products.byRevenue()
									.stream()
									.map((p) -> ConsoleFormat.major(p.revenueMinor(), this.currency))
									.toList()))));
		return charts;
	}

	private static List<LocalDate> axis(Answers answers, LocalDate from, LocalDate to, Grain grain) {
		TreeSet<LocalDate> starts = new TreeSet<>();
		if (grain == Grain.DAY) {
			from.datesUntil(to.plusDays(1)).forEach(starts::add);
		}
		answers.sales().periods().forEach((p) -> starts.add(p.start()));
		answers.points().periods().forEach((p) -> starts.add(p.start()));
		answers.members().joinedPerPeriod().forEach((p) -> starts.add(p.start()));
		return List.copyOf(starts);
	}

	private BigDecimal major(@Nullable SalesPeriod period) {
		long minor = (period == null) ? 0 : period.revenueMinor();
		return ConsoleFormat.major(minor, this.currency);
	}

	private <T> Series series(String key, Locale locale, List<LocalDate> axis, Map<LocalDate, T> values,
			ToLongFunction<T> count) {
		return new Series(text(key, locale),
				axis.stream().map((day) -> values.containsKey(day) ? count.applyAsLong(values.get(day)) : 0L).toList());
	}

	private static <T> Map<LocalDate, T> byStart(List<T> periods, Function<T, LocalDate> start) {
		Map<LocalDate, T> by = new TreeMap<>();
		periods.forEach((period) -> by.put(start.apply(period), period));
		return by;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

	/** One chart: its labels and its series. */
	record Chart(List<String> labels, List<Series> series) {
	}

	/** One series, its values in the order of the labels. */
	record Series(String name, List<? extends Number> values) {
	}

	/**
	 * The four reports the dashboard shows, answered, or the first refusal.
	 */
	record Answers(@Nullable MembersReport members, @Nullable SalesReport sales, @Nullable ProductsReport products,
			@Nullable PointsReport points, @Nullable AnalyticsOutcome<?> refusal) {

		static Answers of(AnalyticsOutcome<MembersReport> members, AnalyticsOutcome<SalesReport> sales,
				AnalyticsOutcome<ProductsReport> products, AnalyticsOutcome<PointsReport> points) {
			AnalyticsOutcome<?> refusal = Stream.of(members, sales, products, points)
				.filter((outcome) -> !(outcome instanceof AnalyticsOutcome.Answered))
				.findFirst()
				.orElse(null);
			return new Answers(report(members), report(sales), report(products), report(points), refusal);
		}

		private static <R> @Nullable R report(AnalyticsOutcome<R> outcome) {
			return (outcome instanceof AnalyticsOutcome.Answered<R> answered) ? answered.report() : null;
		}

	}

}
