package dev.punchcard.core.analytics.application;

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
 * The stored facts behind the reports, each read in one statement over the rollups (up to
 * their watermark) and the raw rows inserted since. Lazy: nothing is read before
 * subscription.
 */
public interface AnalyticsReadings {

	Mono<MembersReport> members(AnalyticsQuery query);

	Mono<SalesReport> sales(AnalyticsQuery query);

	/** The top {@code limit} products and categories by revenue and by quantity. */
	Mono<ProductsReport> products(AnalyticsQuery query, int limit);

	/** Points moved per bucket, ordered by bucket. */
	Flux<PointsPeriod> pointsMoved(AnalyticsQuery query);

	/** The points the query's members hold now (its store's members, or all). */
	Mono<Long> outstandingPoints(AnalyticsQuery query);

	/** Redemptions with the top {@code limit} rewards; {@code pointsIssued} as given. */
	Mono<RewardsReport> rewards(AnalyticsQuery query, int limit, long pointsIssued);

	Mono<TiersReport> tiers(AnalyticsQuery query);

	Mono<ReferralsReport> referrals(AnalyticsQuery query);

	Mono<BroadcastsReport> broadcasts(AnalyticsQuery query);

	/** Convenience for fakes and the rewards report: the movements of the whole range. */
	default Mono<PointsMovements> pointsMovedInRange(AnalyticsQuery query) {
		return pointsMoved(query).map(PointsPeriod::movements).reduce(PointsMovements.NONE, PointsMovements::plus);
	}

}
