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
import dev.punchcard.core.analytics.infrastructure.Statements.Marked;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * The member readings: members, outstanding points, redemptions, tier changes, referrals
 * and broadcasts, straight from the tables (indexed by time, small enough not to need
 * rollups) but for the active members of all stores and the purchases after broadcasts
 * that are over, which add rollups to the rows inserted after the watermark. With a
 * store, a member counts at their home store; "active" counts members who bought at the
 * store.
 */
class R2dbcMemberReadings {

	private static final String MEMBERS = """
			SELECT 'TOTAL' AS section, NULL AS name, NULL::date AS bucket, count(*) AS n
			FROM customers c WHERE c.created_at < :end {home:c}
			UNION ALL
			SELECT 'ACTIVE', NULL, NULL, {active}
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

	/** Members with a purchase in the 30 days up to the end, from the purchases. */
	private static final String ACTIVE_RAW = """
			(SELECT count(DISTINCT p.customer_id) FROM purchases p
			 WHERE p.recorded_at >= :end - interval '30 days' AND p.recorded_at < :end {store:p})""";

	/**
	 * The same over all stores from each member's latest rolled-up purchase plus the
	 * purchases inserted after the watermark: exact while no purchase is recorded at or
	 * after the end (the latest purchase then tells whether there was one in the 30
	 * days), the raw count otherwise.
	 */
	private static final String ACTIVE_ROLLED_UP = """
			CASE WHEN EXISTS (SELECT 1 FROM purchases p WHERE p.recorded_at >= :end) THEN %s
			ELSE (SELECT count(*) FROM analytics_member_last_purchase l
			      WHERE l.last_recorded_at >= :end - interval '30 days')
			   + (SELECT count(DISTINCT p.customer_id) FROM purchases p
			      WHERE p.created_at > :mark AND p.recorded_at >= :end - interval '30 days'
			        AND NOT EXISTS (SELECT 1 FROM analytics_member_last_purchase l
			                        WHERE l.customer_id = p.customer_id
			                          AND l.last_recorded_at >= :end - interval '30 days'))
			END""".formatted(ACTIVE_RAW);

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

	/**
	 * Broadcasts started in the range: recipients' statuses from the recipients; their
	 * purchases within 7 days after their message from the rolled-up windows (plus the
	 * purchases inserted after the watermark) once the broadcast is over and rolled up,
	 * from the purchases while it is not. {@code {members:x}} narrows recipients or
	 * windows {@code x} to the store's members.
	 */
	private static final String BROADCASTS = """
			WITH chosen AS (
			  SELECT b.id, b.name, b.state, b.started_at, (f.broadcast_id IS NOT NULL) AS rolled_up
			  FROM broadcasts b LEFT JOIN analytics_broadcasts_rolled_up f ON f.broadcast_id = b.id
			  WHERE b.started_at >= :start AND b.started_at < :end),
			statuses AS (
			  SELECT r.broadcast_id, count(*) AS recipients, count(r.sent_at) AS sent,
			         count(r.delivered_at) AS delivered, count(r.read_at) AS read,
			         count(*) FILTER (WHERE r.state = 'FAILED') AS failed,
			         count(*) FILTER (WHERE r.skip_reason = 'OPTED_OUT') AS opted_out
			  FROM broadcast_recipients r {members:r}
			  WHERE r.broadcast_id IN (SELECT id FROM chosen)
			  GROUP BY 1),
			live AS (
			  SELECT r.broadcast_id, count(*) FILTER (WHERE w.purchases > 0) AS purchasers,
			         sum(w.purchases) AS purchases, sum(w.revenue) AS revenue
			  FROM broadcast_recipients r {members:r}
			  CROSS JOIN LATERAL (
			    SELECT count(*) AS purchases, coalesce(sum(p.amount_minor), 0) AS revenue FROM purchases p
			    WHERE p.customer_id = r.customer_id
			      AND p.recorded_at > r.sent_at AND p.recorded_at <= r.sent_at + interval '7 days') w
			  WHERE r.broadcast_id IN (SELECT id FROM chosen WHERE NOT rolled_up) AND r.sent_at IS NOT NULL
			  GROUP BY 1),
			late AS (
			  SELECT w.broadcast_id, w.customer_id, count(*) AS purchases, sum(p.amount_minor) AS revenue
			  FROM purchases p JOIN analytics_broadcast_windows w ON w.customer_id = p.customer_id
			    AND p.recorded_at > w.sent_at AND p.recorded_at <= w.sent_at + interval '7 days'
			  WHERE p.created_at > :mark
			  GROUP BY 1, 2),
			rolled AS (
			  SELECT w.broadcast_id, count(*) FILTER (WHERE w.purchases + coalesce(l.purchases, 0) > 0) AS purchasers,
			         sum(w.purchases + coalesce(l.purchases, 0)) AS purchases,
			         sum(w.revenue_minor + coalesce(l.revenue, 0)) AS revenue
			  FROM analytics_broadcast_windows w {members:w}
			  LEFT JOIN late l ON l.broadcast_id = w.broadcast_id AND l.customer_id = w.customer_id
			  WHERE w.broadcast_id IN (SELECT id FROM chosen WHERE rolled_up)
			  GROUP BY 1),
			bought AS (SELECT * FROM live UNION ALL SELECT * FROM rolled)
			SELECT c.id, c.name, c.state, c.started_at, coalesce(s.recipients, 0) AS recipients,
			       coalesce(s.sent, 0) AS sent, coalesce(s.delivered, 0) AS delivered, coalesce(s.read, 0) AS read,
			       coalesce(s.failed, 0) AS failed, coalesce(s.opted_out, 0) AS opted_out,
			       coalesce(x.purchasers, 0) AS purchasers, coalesce(x.purchases, 0)::bigint AS purchases,
			       coalesce(x.revenue, 0)::bigint AS revenue, %s
			FROM chosen c LEFT JOIN statuses s ON s.broadcast_id = c.id LEFT JOIN bought x ON x.broadcast_id = c.id
			ORDER BY c.started_at DESC, c.id
			""".formatted(Statements.MARK_NOW);

	private final Statements statements;

	R2dbcMemberReadings(Statements statements) {
		this.statements = statements;
	}

	Mono<MembersReport> members(AnalyticsQuery query) {
		boolean rollups = query.store() == null;
		String sql = "SELECT m.*, %s FROM (%s) m".formatted(Statements.MARK_NOW,
				MEMBERS.replace("{active}", rollups ? ACTIVE_ROLLED_UP : ACTIVE_RAW));
		return this.statements.atMark(rollups, (mark) -> {
			GenericExecuteSpec spec = this.statements.sql(sql, query);
			return (rollups ? spec.bind("mark", mark) : spec)
				.map((row) -> new Marked<>(MemberRow.of(row), row.get("mark_now", OffsetDateTime.class)))
				.all();
		}).map((rows) -> {
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
		String sql = BROADCASTS.replaceAll("\\{members:(\\w+)}", (query.store() != null)
				? "JOIN customers $1c ON $1c.id = $1.customer_id AND $1c.home_store_id = :store" : "");
		return this.statements
			.atMark(true,
					(mark) -> this.statements.sql(sql, query)
						.bind("mark", mark)
						.map((row) -> new Marked<>(broadcast(row), row.get("mark_now", OffsetDateTime.class)))
						.all())
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
