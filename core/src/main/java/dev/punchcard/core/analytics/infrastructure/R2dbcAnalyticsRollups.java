package dev.punchcard.core.analytics.infrastructure;

import java.time.Duration;
import java.time.OffsetDateTime;

import dev.punchcard.core.analytics.application.AnalyticsRollups;
import dev.punchcard.core.analytics.application.RollupRun;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link AnalyticsRollups} in one statement, so one transaction: lock the watermark row
 * (skipping it when another instance holds it), choose the new watermark, add every
 * purchase, refund, line item and ledger entry inserted after the old one and up to the
 * new one into the rollups, move the watermark. {@code created_at} is the inserting
 * transaction's start time, so a row committed later than the statement's snapshot could
 * carry an earlier time: the new watermark is never later than now less the lag, nor at
 * or after the start of any transaction still running (that this database user can see in
 * {@code pg_stat_activity}). Purchases count by the hour of {@code recorded_at}, refunds
 * by that of {@code refunded_at}, line items by the UTC day of their purchase, ledger
 * entries by the hour of {@code occurred_at} and the member's home store.
 */
class R2dbcAnalyticsRollups implements AnalyticsRollups {

	private static final String ROLL_UP = """
			WITH state AS (
			  SELECT rolled_up_to FROM analytics_rollup_state WHERE id = 1 FOR UPDATE SKIP LOCKED),
			bounds AS (
			  SELECT s.rolled_up_to AS old,
			         GREATEST(s.rolled_up_to, LEAST(now() - make_interval(secs => :lagSeconds),
			           coalesce((SELECT min(a.xact_start) FROM pg_stat_activity a
			                     WHERE a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL), 'infinity')
			             - interval '1 microsecond')) AS new
			  FROM state s),
			new_purchases AS (
			  SELECT p.id, p.store_id, p.recorded_at, p.amount_minor
			  FROM purchases p, bounds b WHERE p.created_at > b.old AND p.created_at <= b.new),
			new_refunds AS (
			  SELECT r.refunded_at, r.amount_minor, p.store_id
			  FROM refunds r JOIN purchases p ON p.id = r.purchase_id, bounds b
			  WHERE r.created_at > b.old AND r.created_at <= b.new),
			new_entries AS (
			  SELECT e.occurred_at, e.kind, e.delta, c.home_store_id
			  FROM points_ledger_entries e JOIN customers c ON c.id = e.customer_id, bounds b
			  WHERE e.created_at > b.old AND e.created_at <= b.new),
			sales AS (
			  INSERT INTO analytics_sales_hourly AS s (hour, store_id, purchases, revenue_minor, refunds, refunded_minor)
			  SELECT date_trunc('hour', x.at, 'UTC'), x.store_id, sum(x.purchases), sum(x.revenue), sum(x.refunds),
			         sum(x.refunded)
			  FROM (SELECT recorded_at AS at, store_id, 1 AS purchases, amount_minor AS revenue, 0 AS refunds,
			               0 AS refunded FROM new_purchases
			        UNION ALL
			        SELECT refunded_at, store_id, 0, 0, 1, amount_minor FROM new_refunds) x
			  GROUP BY 1, 2
			  ON CONFLICT (hour, store_id) DO UPDATE SET purchases = s.purchases + EXCLUDED.purchases,
			    revenue_minor = s.revenue_minor + EXCLUDED.revenue_minor, refunds = s.refunds + EXCLUDED.refunds,
			    refunded_minor = s.refunded_minor + EXCLUDED.refunded_minor
			  RETURNING 1),
			items AS (
			  INSERT INTO analytics_items_daily AS d (day, store_id, sku, category, name, quantity, revenue_minor)
			  SELECT (p.recorded_at AT TIME ZONE 'UTC')::date, p.store_id, i.sku, coalesce(i.category, ''), max(i.name),
			         sum(i.quantity), sum(i.quantity * i.unit_price_minor)
			  FROM new_purchases p JOIN purchase_items i ON i.purchase_id = p.id
			  GROUP BY 1, 2, 3, 4
			  ON CONFLICT (day, store_id, sku, category) DO UPDATE SET quantity = d.quantity + EXCLUDED.quantity,
			    revenue_minor = d.revenue_minor + EXCLUDED.revenue_minor, name = coalesce(EXCLUDED.name, d.name)
			  RETURNING 1),
			points AS (
			  INSERT INTO analytics_points_hourly AS h (hour, store_id, kind, entries, points)
			  SELECT date_trunc('hour', occurred_at, 'UTC'), home_store_id, kind, count(*), sum(delta)
			  FROM new_entries GROUP BY 1, 2, 3
			  ON CONFLICT (hour, store_id, kind) DO UPDATE SET entries = h.entries + EXCLUDED.entries,
			    points = h.points + EXCLUDED.points
			  RETURNING 1),
			moved AS (
			  UPDATE analytics_rollup_state t SET rolled_up_to = b.new, updated_at = now()
			  FROM bounds b WHERE t.id = 1
			  RETURNING b.old, b.new)
			SELECT m.old, m.new, (SELECT count(*) FROM new_purchases) AS purchases,
			       (SELECT count(*) FROM new_refunds) AS refunds, (SELECT count(*) FROM new_entries) AS entries,
			       (SELECT count(*) FROM sales) + (SELECT count(*) FROM items) + (SELECT count(*) FROM points) AS rows
			FROM moved m
			""";

	private final DatabaseClient db;

	private final Duration lag;

	R2dbcAnalyticsRollups(DatabaseClient db, Duration lag) {
		this.db = db;
		this.lag = lag;
	}

	@Override
	public Mono<RollupRun> rollUp() {
		return this.db.sql(ROLL_UP)
			.bind("lagSeconds", (double) this.lag.toMillis() / 1000)
			.map(R2dbcAnalyticsRollups::run)
			.one();
	}

	private static RollupRun run(Readable row) {
		return new RollupRun(row.get("old", OffsetDateTime.class).toInstant(),
				row.get("new", OffsetDateTime.class).toInstant(), row.get("purchases", Long.class),
				row.get("refunds", Long.class), row.get("entries", Long.class));
	}

}
