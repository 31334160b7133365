package dev.punchcard.core.analytics.infrastructure;

import dev.punchcard.core.analytics.application.AnalyticsReadings;
import dev.punchcard.core.analytics.application.Reports.BroadcastsReport;
import dev.punchcard.core.analytics.application.Reports.MembersReport;
import dev.punchcard.core.analytics.application.Reports.PointsPeriod;
import dev.punchcard.core.analytics.application.Reports.ProductsReport;
import dev.punchcard.core.analytics.application.Reports.ReferralsReport;
import dev.punchcard.core.analytics.application.Reports.RewardsReport;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.application.Reports.TiersReport;
import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link AnalyticsReadings} over PostgreSQL: rolled-up and straight readings. */
class R2dbcAnalyticsReadings implements AnalyticsReadings {

	private final R2dbcRolledUpReadings rolledUp;

	private final R2dbcMemberReadings straight;

	R2dbcAnalyticsReadings(DatabaseClient db) {
		Statements statements = new Statements(db);
		this.rolledUp = new R2dbcRolledUpReadings(statements);
		this.straight = new R2dbcMemberReadings(statements);
	}

	@Override
	public Mono<MembersReport> members(AnalyticsQuery query) {
		return this.straight.members(query);
	}

	@Override
	public Mono<SalesReport> sales(AnalyticsQuery query) {
		return this.rolledUp.sales(query);
	}

	@Override
	public Mono<ProductsReport> products(AnalyticsQuery query, int limit) {
		return this.rolledUp.products(query, limit);
	}

	@Override
	public Flux<PointsPeriod> pointsMoved(AnalyticsQuery query) {
		return this.rolledUp.points(query);
	}

	@Override
	public Mono<Long> outstandingPoints(AnalyticsQuery query) {
		return this.straight.outstanding(query);
	}

	@Override
	public Mono<RewardsReport> rewards(AnalyticsQuery query, int limit, long pointsIssued) {
		return this.straight.rewards(query, limit, pointsIssued);
	}

	@Override
	public Mono<TiersReport> tiers(AnalyticsQuery query) {
		return this.straight.tiers(query);
	}

	@Override
	public Mono<ReferralsReport> referrals(AnalyticsQuery query) {
		return this.straight.referrals(query);
	}

	@Override
	public Mono<BroadcastsReport> broadcasts(AnalyticsQuery query) {
		return this.straight.broadcasts(query);
	}

}
