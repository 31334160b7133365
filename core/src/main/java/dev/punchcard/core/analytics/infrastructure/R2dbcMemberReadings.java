package dev.punchcard.core.analytics.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.analytics.application.Reports.BroadcastResult;
import dev.punchcard.core.analytics.application.Reports.BroadcastsReport;
import dev.punchcard.core.analytics.application.Reports.MembersReport;
import dev.punchcard.core.analytics.application.Reports.NamedCount;
import dev.punchcard.core.analytics.application.Reports.PeriodCount;
import dev.punchcard.core.analytics.application.Reports.ReferralsReport;
import dev.punchcard.core.analytics.application.Reports.RewardRank;
import dev.punchcard.core.analytics.application.Reports.RewardsReport;
import dev.punchcard.core.analytics.application.Reports.TierMove;
import dev.punchcard.core.analytics.application.Reports.TiersReport;
import dev.punchcard.core.analytics.application.ShowAnalytics;
import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.shared.domain.RewardId;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

/**
 * The readings straight from the tables (indexed by time, small enough not to need
 * rollups): members, outstanding points, redemptions, tier changes, referrals and
 * broadcasts. With a store, a member counts at their home store; "active" counts members
 * who bought at the store.
 */
class R2dbcMemberReadings {

	private static final String MEMBERS = """
			SELECT 'TOTAL' AS section, NULL AS name, NULL::date AS bucket, count(*) AS n
			FROM customers c WHERE c.created_at < :end {home:c}
			UNION ALL
			SELECT 'ACTIVE', NULL, NULL, count(DISTINCT p.customer_id)
			FROM purchases p WHERE p.recorded_at >= :end - interval '30 days' AND p.recorded_at < :end {store:p}
			UNION ALL
			SELECT 'JOINED', NULL, date_trunc(CAST(:grain AS text), c.created_at AT TIME ZONE CAST(:zone AS text))::date,
			       count(*)
			FROM customers c WHERE c.created_at >= :start AND c.created_at < :end {home:c} GROUP BY 3
			UNION ALL
			SELECT 'CHANNEL', ci.channel, NULL, count(DISTINCT ci.customer_id)
			FROM channel_identities ci JOIN customers c ON c.id = ci.customer_id
			WHERE c.created_at < :end {home:c} GROUP BY ci.channel
			UNION ALL
			SELECT 'TIER', c.tier, NULL, count(*) FROM customers c WHERE c.created_at < :end {home:c} GROUP BY c.tier
			""";

	private static final String OUTSTANDING = """
			SELECT coalesce(sum(b.balance), 0)::bigint AS outstanding
			FROM points_balances b JOIN customers c ON c.id = b.customer_id WHERE true {home:c}
			""";

	private static final String REWARDS = """
			SELECT v.reward_id, r.name, count(*) AS redemptions, sum(v.cost_points)::bigint AS points
			FROM vouchers v JOIN rewards r ON r.id = v.reward_id JOIN customers c ON c.id = v.customer_id
			WHERE v.issued_at >= :start AND v.issued_at < :end AND v.status <> 'CANCELLED' {home:c}
			GROUP BY v.reward_id, r.name ORDER BY redemptions DESC, points DESC, r.name
			""";

	private static final String TIERS = """
			SELECT t.from_tier, t.to_tier, count(*) AS members
			FROM tier_changes t JOIN customers c ON c.id = t.customer_id
			WHERE t.changed_at >= :start AND t.changed_at < :end {home:c}
			GROUP BY 1, 2 ORDER BY members DESC, 1, 2
			""";

	private static final String REFERRALS = """
			SELECT (SELECT count(*) FROM customers c WHERE c.referred_by IS NOT NULL
			          AND c.created_at >= :start AND c.created_at < :end {home:c}) AS joined,
			       (SELECT count(*) FROM customers c WHERE c.referral_rewarded_at >= :start
			          AND c.referral_rewarded_at < :end {home:c}) AS converted
			""";

	private static final String BROADCASTS = """
			SELECT b.id, b.name, b.state, b.started_at, count(r.id) AS recipients, count(r.sent_at) AS sent,
			       count(r.delivered_at) AS delivered, count(r.read_at) AS read,
			       count(*) FILTER (WHERE r.state = 'FAILED') AS failed,
			       count(*) FILTER (WHERE r.skip_reason = 'OPTED_OUT') AS opted_out,
			       count(*) FILTER (WHERE w.purchases > 0) AS purchasers,
			       coalesce(sum(w.purchases), 0)::bigint AS purchases, coalesce(sum(w.revenue), 0)::bigint AS revenue
			FROM broadcasts b
			LEFT JOIN (broadcast_recipients r JOIN customers c ON c.id = r.customer_id {home:c})
			  ON r.broadcast_id = b.id
			LEFT JOIN LATERAL (
			  SELECT count(*) AS purchases, sum(p.amount_minor) AS revenue FROM purchases p
			  WHERE r.sent_at IS NOT NULL AND p.customer_id = r.customer_id
			    AND p.recorded_at > r.sent_at AND p.recorded_at <= r.sent_at + interval '7 days') w ON true
			WHERE b.started_at >= :start AND b.started_at < :end
			GROUP BY b.id ORDER BY b.started_at DESC, b.id
			""";

	private final Statements statements;

	R2dbcMemberReadings(Statements statements) {
		this.statements = statements;
	}

	Mono<MembersReport> members(AnalyticsQuery query) {
		return this.statements.sql(MEMBERS, query).map(MemberRow::of).all().collectList().map((rows) -> {
			long total = 0;
			long active = 0;
			List<PeriodCount> joined = new ArrayList<>();
			List<NamedCount> channels = new ArrayList<>();
			List<NamedCount> tiers = new ArrayList<>();
			for (MemberRow row : rows) {
				switch (row.section()) {
					case "TOTAL" -> total = row.count();
					case "ACTIVE" -> active = row.count();
					case "JOINED" -> joined.add(new PeriodCount(row.bucket(), row.count()));
					case "CHANNEL" -> channels.add(new NamedCount(row.name(), row.count()));
					default -> tiers.add(new NamedCount(row.name(), row.count()));
				}
			}
			joined.sort((a, b) -> a.start().compareTo(b.start()));
			channels.sort((a, b) -> a.name().compareTo(b.name()));
			tiers.sort((a, b) -> Long.compare(b.count(), a.count()));
			return new MembersReport(total, joined.stream().mapToLong(PeriodCount::count).sum(), active, joined,
					channels, tiers);
		});
	}

	private record MemberRow(String section, String name, LocalDate bucket, long count) {

		static MemberRow of(Readable row) {
			return new MemberRow(row.get("section", String.class), row.get("name", String.class),
					row.get("bucket", LocalDate.class), row.get("n", Long.class));
		}

	}

	Mono<Long> outstanding(AnalyticsQuery query) {
		return this.statements.sql(OUTSTANDING, query).map((row) -> row.get("outstanding", Long.class)).one();
	}

	Mono<RewardsReport> rewards(AnalyticsQuery query, int top, long pointsIssued) {
		return this.statements.sql(REWARDS, query)
			.map((row) -> new RewardRank(new RewardId(row.get("reward_id", UUID.class)), row.get("name", String.class),
					row.get("redemptions", Long.class), row.get("points", Long.class)))
			.all()
			.collectList()
			.map((ranks) -> {
				long redemptions = ranks.stream().mapToLong(RewardRank::redemptions).sum();
				long points = ranks.stream().mapToLong(RewardRank::points).sum();
				return new RewardsReport(redemptions, points, pointsIssued, ShowAnalytics.percent(points, pointsIssued),
						ranks.stream().limit(top).toList());
			});
	}

	Mono<TiersReport> tiers(AnalyticsQuery query) {
		return this.statements.sql(TIERS, query)
			.map((row) -> new TierMove(row.get("from_tier", String.class), row.get("to_tier", String.class),
					row.get("members", Long.class)))
			.all()
			.collectList()
			.map((moves) -> new TiersReport(moves.stream().mapToLong(TierMove::members).sum(), moves));
	}

	Mono<ReferralsReport> referrals(AnalyticsQuery query) {
		return this.statements.sql(REFERRALS, query).map((row) -> {
			long joined = row.get("joined", Long.class);
			long converted = row.get("converted", Long.class);
			return new ReferralsReport(joined, converted, ShowAnalytics.percent(converted, joined));
		}).one();
	}

	Mono<BroadcastsReport> broadcasts(AnalyticsQuery query) {
		return this.statements.sql(BROADCASTS, query)
			.map(R2dbcMemberReadings::broadcast)
			.all()
			.collectList()
			.map(BroadcastsReport::new);
	}

	private static BroadcastResult broadcast(Readable row) {
		return new BroadcastResult(new BroadcastId(row.get("id", UUID.class)), row.get("name", String.class),
				row.get("state", String.class), row.get("started_at", OffsetDateTime.class).toInstant(),
				row.get("recipients", Long.class), row.get("sent", Long.class), row.get("delivered", Long.class),
				row.get("read", Long.class), row.get("failed", Long.class), row.get("opted_out", Long.class),
				row.get("purchasers", Long.class), row.get("purchases", Long.class), row.get("revenue", Long.class));
	}

}
