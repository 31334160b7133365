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
 * by that of {@code refunded_at}, line items by the UTC day and month of their purchase,
 * ledger entries by the hour of {@code occurred_at} and the member's home store; each
 * member's latest {@code recorded_at} moves up. A broadcast whose sending is over
 * (COMPLETED or CANCELLED, nobody QUEUED or SENDING, so no {@code sent_at} changes any
 * more) gets, once, each sent recipient's purchases within 7 days after their message
 * among those inserted up to the new watermark; later runs add the new purchases that
 * fall into those windows.
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
			  SELECT p.id, p.customer_id, p.store_id, p.recorded_at, p.amount_minor
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
			new_lines AS (
			  SELECT (p.recorded_at AT TIME ZONE 'UTC')::date AS day, p.store_id, i.sku, coalesce(i.category, '') AS category,
			         max(i.name) AS name, sum(i.quantity) AS quantity, sum(i.quantity * i.unit_price_minor) AS revenue_minor
			  FROM new_purchases p JOIN purchase_items i ON i.purchase_id = p.id
			  GROUP BY 1, 2, 3, 4),
			items AS (
			  INSERT INTO analytics_items_daily AS d (day, store_id, sku, category, name, quantity, revenue_minor)
			  SELECT day, store_id, sku, category, name, quantity, revenue_minor FROM new_lines
			  ON CONFLICT (day, store_id, sku, category) DO UPDATE SET quantity = d.quantity + EXCLUDED.quantity,
			    revenue_minor = d.revenue_minor + EXCLUDED.revenue_minor, name = GREATEST(d.name, EXCLUDED.name)
			  RETURNING 1),
			items_all AS (
			  INSERT INTO analytics_items_daily_all AS d (day, sku, category, name, quantity, revenue_minor)
			  SELECT day, sku, category, max(name), sum(quantity), sum(revenue_minor) FROM new_lines GROUP BY 1, 2, 3
			  ON CONFLICT (day, sku, category) DO UPDATE SET quantity = d.quantity + EXCLUDED.quantity,
			    revenue_minor = d.revenue_minor + EXCLUDED.revenue_minor, name = GREATEST(d.name, EXCLUDED.name)
			  RETURNING 1),
			items_monthly AS (
			  INSERT INTO analytics_items_monthly AS m (month, store_id, sku, category, name, quantity, revenue_minor)
			  SELECT date_trunc('month', day)::date, store_id, sku, category, max(name), sum(quantity), sum(revenue_minor)
			  FROM new_lines GROUP BY 1, 2, 3, 4
			  ON CONFLICT (store_id, month, sku, category) DO UPDATE SET quantity = m.quantity + EXCLUDED.quantity,
			    revenue_minor = m.revenue_minor + EXCLUDED.revenue_minor, name = GREATEST(m.name, EXCLUDED.name)
			  RETURNING 1),
			items_monthly_all AS (
			  INSERT INTO analytics_items_monthly_all AS m (month, sku, category, name, quantity, revenue_minor)
			  SELECT date_trunc('month', day)::date, sku, category, max(name), sum(quantity), sum(revenue_minor)
			  FROM new_lines GROUP BY 1, 2, 3
			  ON CONFLICT (month, sku, category) DO UPDATE SET quantity = m.quantity + EXCLUDED.quantity,
			    revenue_minor = m.revenue_minor + EXCLUDED.revenue_minor, name = GREATEST(m.name, EXCLUDED.name)
			  RETURNING 1),
			new_points AS (
			  SELECT date_trunc('hour', occurred_at, 'UTC') AS hour, home_store_id, kind, count(*) AS entries,
			         sum(delta) AS points
			  FROM new_entries GROUP BY 1, 2, 3),
			points AS (
			  INSERT INTO analytics_points_hourly AS h (hour, store_id, kind, entries, points)
			  SELECT hour, home_store_id, kind, entries, points FROM new_points
			  ON CONFLICT (hour, store_id, kind) DO UPDATE SET entries = h.entries + EXCLUDED.entries,
			    points = h.points + EXCLUDED.points
			  RETURNING 1),
			points_all AS (
			  INSERT INTO analytics_points_hourly_all AS h (hour, kind, entries, points)
			  SELECT hour, kind, sum(entries), sum(points) FROM new_points GROUP BY 1, 2
			  ON CONFLICT (hour, kind) DO UPDATE SET entries = h.entries + EXCLUDED.entries,
			    points = h.points + EXCLUDED.points
			  RETURNING 1),
			last_purchases AS (
			  INSERT INTO analytics_member_last_purchase AS l (customer_id, last_recorded_at)
			  SELECT customer_id, max(recorded_at) FROM new_purchases GROUP BY 1
			  ON CONFLICT (customer_id) DO UPDATE
			    SET last_recorded_at = GREATEST(l.last_recorded_at, EXCLUDED.last_recorded_at)
			  RETURNING 1),
			window_hits AS (
			  SELECT w.broadcast_id, w.customer_id, count(*) AS purchases, sum(p.amount_minor) AS revenue_minor
			  FROM new_purchases p JOIN analytics_broadcast_windows w ON w.customer_id = p.customer_id
			    AND p.recorded_at > w.sent_at AND p.recorded_at <= w.sent_at + interval '7 days'
			  GROUP BY 1, 2),
			windows AS (
			  UPDATE analytics_broadcast_windows w SET purchases = w.purchases + h.purchases,
			    revenue_minor = w.revenue_minor + h.revenue_minor
			  FROM window_hits h WHERE w.broadcast_id = h.broadcast_id AND w.customer_id = h.customer_id
			  RETURNING 1),
			finished AS (
			  SELECT b.id, bo.new FROM broadcasts b, bounds bo
			  WHERE b.state IN ('COMPLETED', 'CANCELLED') AND b.started_at IS NOT NULL
			    AND NOT EXISTS (SELECT 1 FROM analytics_broadcasts_rolled_up f WHERE f.broadcast_id = b.id)
			    AND NOT EXISTS (SELECT 1 FROM broadcast_recipients r
			                    WHERE r.broadcast_id = b.id AND r.state IN ('QUEUED', 'SENDING'))),
			finished_marks AS (
			  INSERT INTO analytics_broadcasts_rolled_up (broadcast_id, rolled_up_at) SELECT id, new FROM finished
			  RETURNING broadcast_id),
			finished_windows AS (
			  INSERT INTO analytics_broadcast_windows (broadcast_id, customer_id, sent_at, purchases, revenue_minor)
			  SELECT r.broadcast_id, r.customer_id, r.sent_at, count(p.id), coalesce(sum(p.amount_minor), 0)
			  FROM finished f JOIN broadcast_recipients r ON r.broadcast_id = f.id AND r.sent_at IS NOT NULL
			  LEFT JOIN purchases p ON p.customer_id = r.customer_id AND p.created_at <= f.new
			    AND p.recorded_at > r.sent_at AND p.recorded_at <= r.sent_at + interval '7 days'
			  WHERE EXISTS (SELECT 1 FROM finished_marks m WHERE m.broadcast_id = r.broadcast_id)
			  GROUP BY 1, 2, 3
			  RETURNING 1),
			moved AS (
			  UPDATE analytics_rollup_state t SET rolled_up_to = b.new, updated_at = now()
			  FROM bounds b WHERE t.id = 1
			  RETURNING b.old, b.new)
			SELECT m.old, m.new, (SELECT count(*) FROM new_purchases) AS purchases,
			       (SELECT count(*) FROM new_refunds) AS refunds, (SELECT count(*) FROM new_entries) AS entries,
			       (SELECT count(*) FROM sales) + (SELECT count(*) FROM items) + (SELECT count(*) FROM items_all)
			         + (SELECT count(*) FROM points) + (SELECT count(*) FROM points_all)
			         + (SELECT count(*) FROM items_monthly) + (SELECT count(*) FROM items_monthly_all)
			         + (SELECT count(*) FROM last_purchases) + (SELECT count(*) FROM windows)
			         + (SELECT count(*) FROM finished_windows) AS rows
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
