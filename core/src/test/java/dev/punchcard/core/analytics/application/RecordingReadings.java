package dev.punchcard.core.analytics.application;

import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.analytics.application.Reports.BroadcastsReport;
import dev.punchcard.core.analytics.application.Reports.MembersReport;
import dev.punchcard.core.analytics.application.Reports.PointsMovements;
import dev.punchcard.core.analytics.application.Reports.PointsPeriod;
import dev.punchcard.core.analytics.application.Reports.ProductsReport;
import dev.punchcard.core.analytics.application.Reports.ReferralsReport;
import dev.punchcard.core.analytics.application.Reports.RewardsReport;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.application.Reports.TiersReport;
import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link AnalyticsReadings} in memory: answers every reading from the points periods and
 * the balance it is given (the rest empty) and remembers the queries it was asked, so a
 * test sees which store and range the use case settled on. Lazy.
 */
public class RecordingReadings implements AnalyticsReadings {

	private final List<AnalyticsQuery> asked = new ArrayList<>();

	private final List<PointsPeriod> points = new ArrayList<>();

	private long outstanding;

	public List<AnalyticsQuery> asked() {
		return this.asked;
	}

	public RecordingReadings withPoints(PointsPeriod period) {
		this.points.add(period);
		return this;
	}

	public RecordingReadings withOutstanding(long outstanding) {
		this.outstanding = outstanding;
		return this;
	}

	private <T> Mono<T> answer(AnalyticsQuery query, T report) {
		return Mono.fromSupplier(() -> {
			this.asked.add(query);
			return report;
		});
	}

	@Override
	public Mono<MembersReport> members(AnalyticsQuery query) {
		return answer(query, new MembersReport(0, 0, 0, List.of(), List.of(), List.of()));
	}

	@Override
	public Mono<SalesReport> sales(AnalyticsQuery query) {
		return answer(query, new SalesReport(0, 0, 0, 0, 0, 0, List.of(), List.of()));
	}

	@Override
	public Mono<ProductsReport> products(AnalyticsQuery query, int limit) {
		return answer(query, new ProductsReport(List.of(), List.of(), List.of(), List.of()));
	}

	@Override
	public Flux<PointsPeriod> pointsMoved(AnalyticsQuery query) {
		return answer(query, this.points).flatMapMany(Flux::fromIterable);
	}

	@Override
	public Mono<Long> outstandingPoints(AnalyticsQuery query) {
		return Mono.fromSupplier(() -> this.outstanding);
	}

	@Override
	public Mono<RewardsReport> rewards(AnalyticsQuery query, int limit, long pointsIssued) {
		return answer(query,
				new RewardsReport(0, 250, pointsIssued, ShowAnalytics.percent(250, pointsIssued), List.of()));
	}

	@Override
	public Mono<TiersReport> tiers(AnalyticsQuery query) {
		return answer(query, new TiersReport(0, List.of()));
	}

	@Override
	public Mono<ReferralsReport> referrals(AnalyticsQuery query) {
		return answer(query, new ReferralsReport(0, 0, null));
	}

	@Override
	public Mono<BroadcastsReport> broadcasts(AnalyticsQuery query) {
		return answer(query, new BroadcastsReport(List.of()));
	}

	static PointsMovements issued(long points) {
		return new PointsMovements(points, 0, 0, 0, 0);
	}

}
