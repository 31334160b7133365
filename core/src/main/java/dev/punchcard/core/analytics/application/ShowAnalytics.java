package dev.punchcard.core.analytics.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;

import dev.punchcard.core.analytics.application.Reports.BroadcastsReport;
import dev.punchcard.core.analytics.application.Reports.MembersReport;
import dev.punchcard.core.analytics.application.Reports.PointsMovements;
import dev.punchcard.core.analytics.application.Reports.PointsPeriod;
import dev.punchcard.core.analytics.application.Reports.PointsReport;
import dev.punchcard.core.analytics.application.Reports.ProductsReport;
import dev.punchcard.core.analytics.application.Reports.ReferralsReport;
import dev.punchcard.core.analytics.application.Reports.RewardsReport;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.application.Reports.TiersReport;
import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import dev.punchcard.core.store.application.Stores;
import reactor.core.publisher.Mono;

/**
 * The analytics reports for staff. Every report checks its request the same way (range,
 * store, who may see it: see {@link AnalyticsQuestions}) and emits an
 * {@link AnalyticsOutcome}; one method per report keeps the report types visible to the
 * edges (a generic "report kind" would hide them). Never errors for business reasons.
 */
public class ShowAnalytics {

	/** How many products, categories and rewards the top lists hold. */
	public static final int TOP = 10;

	private final AnalyticsQuestions questions;

	private final AnalyticsReadings readings;

	private final BigDecimal minorPerPoint;

	private final ZoneId programZone;

	/**
	 * @param minorPerPoint what one outstanding point is worth, in minor units (the
	 * liability)
	 * @param programZone the zone reports are read in unless one is asked for
	 */
	public ShowAnalytics(Stores stores, AnalyticsReadings readings, BigDecimal minorPerPoint, ZoneId programZone) {
		this.questions = new AnalyticsQuestions(stores);
		this.readings = readings;
		this.minorPerPoint = minorPerPoint;
		this.programZone = programZone;
	}

	/** The zone reports are read in unless one is asked for: the program's. */
	public ZoneId programZone() {
		return this.programZone;
	}

	public Mono<AnalyticsOutcome<MembersReport>> members(AnalyticsRequest request) {
		return this.questions.answer(request, this.readings::members);
	}

	public Mono<AnalyticsOutcome<SalesReport>> sales(AnalyticsRequest request) {
		return this.questions.answer(request, this.readings::sales);
	}

	public Mono<AnalyticsOutcome<ProductsReport>> products(AnalyticsRequest request) {
		return this.questions.answer(request, (query) -> this.readings.products(query, TOP));
	}

	public Mono<AnalyticsOutcome<PointsReport>> points(AnalyticsRequest request) {
		return this.questions.answer(request, this::points);
	}

	public Mono<AnalyticsOutcome<RewardsReport>> rewards(AnalyticsRequest request) {
		return this.questions.answer(request, this::rewards);
	}

	public Mono<AnalyticsOutcome<TiersReport>> tiers(AnalyticsRequest request) {
		return this.questions.answer(request, this.readings::tiers);
	}

	public Mono<AnalyticsOutcome<ReferralsReport>> referrals(AnalyticsRequest request) {
		return this.questions.answer(request, this.readings::referrals);
	}

	public Mono<AnalyticsOutcome<BroadcastsReport>> broadcasts(AnalyticsRequest request) {
		return this.questions.answer(request, this.readings::broadcasts);
	}

	private Mono<PointsReport> points(AnalyticsQuery query) {
		return this.readings.pointsMoved(query)
			.collectList()
			.zipWith(this.readings.outstandingPoints(query))
			.map((moved) -> new PointsReport(
					moved.getT1()
						.stream()
						.map(PointsPeriod::movements)
						.reduce(PointsMovements.NONE, PointsMovements::plus),
					moved.getT1(), moved.getT2(), liability(moved.getT2())));
	}

	private Mono<RewardsReport> rewards(AnalyticsQuery query) {
		return this.readings.pointsMovedInRange(query)
			.flatMap((moved) -> this.readings.rewards(query, TOP, moved.issued()));
	}

	long liability(long outstanding) {
		return this.minorPerPoint.multiply(BigDecimal.valueOf(outstanding))
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
	}

	/**
	 * {@code part} per {@code whole} in percent with one decimal, null when whole is 0.
	 */
	public static @org.jspecify.annotations.Nullable BigDecimal percent(long part, long whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

}
