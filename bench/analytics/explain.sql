-- EXPLAIN ANALYZE of the analytics statements for the last 365 days in Europe/Berlin, all stores (products: BENCH-7),
-- as the adapters send them (parameters written in). Run after run.sh: flock /tmp/bench.lock psql -d punchcard_analyticsbench -f explain.sql
SELECT rolled_up_to AS mark FROM analytics_rollup_state \gset
SELECT ((current_date - 364)::timestamp AT TIME ZONE 'Europe/Berlin') AS start,
       ((current_date + 1)::timestamp AT TIME ZONE 'Europe/Berlin') AS end_,
       date_trunc('day', (current_date - 364)::timestamp AT TIME ZONE 'Europe/Berlin', 'UTC') + interval '1 day' AS mstart,
       date_trunc('day', (current_date + 1)::timestamp AT TIME ZONE 'Europe/Berlin', 'UTC') AS mend \gset
-- the whole UTC months among the rolled-up days (the monthly rollups), as RollupCut chooses them
SELECT (date_trunc('month', :'mstart'::timestamptz AT TIME ZONE 'UTC') + CASE WHEN extract(day FROM :'mstart'::timestamptz AT TIME ZONE 'UTC') = 1 THEN interval '0' ELSE interval '1 month' END)::date AS months_start,
       date_trunc('month', :'mend'::timestamptz AT TIME ZONE 'UTC')::date AS months_end,
       (SELECT id FROM stores WHERE code = 'BENCH-7') AS store \gset
\echo === sales
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH rows AS (
  SELECT s.hour AS at, s.store_id, s.purchases, s.revenue_minor, s.refunds, s.refunded_minor
  FROM analytics_sales_hourly s WHERE s.hour >= :'start' AND s.hour < :'end_'
  UNION ALL
  SELECT p.recorded_at, p.store_id, 1, p.amount_minor, 0, 0 FROM purchases p
  WHERE p.created_at > :'mark' AND p.recorded_at >= :'start' AND p.recorded_at < :'end_'
  UNION ALL
  SELECT r.refunded_at, p.store_id, 0, 0, 1, r.amount_minor FROM refunds r JOIN purchases p ON p.id = r.purchase_id
  WHERE r.created_at > :'mark' AND r.refunded_at >= :'start' AND r.refunded_at < :'end_'),
buckets AS (
  SELECT date_trunc('day', at AT TIME ZONE 'Europe/Berlin')::date AS bucket, store_id, sum(purchases)::bigint AS purchases,
         sum(revenue_minor)::bigint AS revenue_minor, sum(refunds)::bigint AS refunds, sum(refunded_minor)::bigint AS refunded_minor
  FROM rows GROUP BY 1, 2)
SELECT b.*, st.code, st.name, (SELECT rolled_up_to FROM analytics_rollup_state WHERE id = 1) AS mark_now
FROM buckets b JOIN stores st ON st.id = b.store_id;
\echo === products (one store, BENCH-7)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH lines AS (
  SELECT d.sku, d.category, d.name, d.quantity, d.revenue_minor FROM analytics_items_daily d
  WHERE ((d.day >= (:'mstart'::timestamptz AT TIME ZONE 'UTC')::date AND d.day < :'months_start')
      OR (d.day >= :'months_end' AND d.day < (:'mend'::timestamptz AT TIME ZONE 'UTC')::date)) AND d.store_id = :'store'
  UNION ALL
  SELECT m.sku, m.category, m.name, m.quantity, m.revenue_minor FROM analytics_items_monthly m
  WHERE m.month >= :'months_start' AND m.month < :'months_end' AND m.store_id = :'store'
  UNION ALL
  SELECT i.sku, coalesce(i.category, ''), i.name, i.quantity::bigint, i.quantity * i.unit_price_minor
  FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id
  WHERE ((p.recorded_at >= :'start' AND p.recorded_at < :'mstart') OR (p.recorded_at >= :'mend' AND p.recorded_at < :'end_'))
    AND p.store_id = :'store'
  UNION ALL
  SELECT i.sku, coalesce(i.category, ''), i.name, i.quantity::bigint, i.quantity * i.unit_price_minor
  FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id
  WHERE p.created_at > :'mark' AND p.recorded_at >= :'mstart' AND p.recorded_at < :'mend' AND p.store_id = :'store'),
products AS (
  SELECT sku, category, max(name) AS name, sum(quantity)::bigint AS quantity, sum(revenue_minor)::bigint AS revenue_minor
  FROM lines GROUP BY sku, category)
SELECT * FROM products ORDER BY revenue_minor DESC LIMIT 10;
\echo === points
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH rows AS (
  SELECT h.hour AS at, h.kind, h.points FROM analytics_points_hourly h WHERE h.hour >= :'start' AND h.hour < :'end_'
  UNION ALL
  SELECT e.occurred_at, e.kind, e.delta FROM points_ledger_entries e JOIN customers c ON c.id = e.customer_id
  WHERE e.created_at > :'mark' AND e.occurred_at >= :'start' AND e.occurred_at < :'end_')
SELECT date_trunc('day', at AT TIME ZONE 'Europe/Berlin')::date AS bucket, sum(points) FROM rows GROUP BY 1 ORDER BY 1;
\echo === members: active in 30 days, all stores (latest purchase per member, raw when a purchase is at or after the end)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT CASE WHEN EXISTS (SELECT 1 FROM purchases p WHERE p.recorded_at >= :'end_')
  THEN (SELECT count(DISTINCT p.customer_id) FROM purchases p
        WHERE p.recorded_at >= :'end_'::timestamptz - interval '30 days' AND p.recorded_at < :'end_')
  ELSE (SELECT count(*) FROM analytics_member_last_purchase l WHERE l.last_recorded_at >= :'end_'::timestamptz - interval '30 days')
     + (SELECT count(DISTINCT p.customer_id) FROM purchases p
        WHERE p.created_at > :'mark' AND p.recorded_at >= :'end_'::timestamptz - interval '30 days'
          AND NOT EXISTS (SELECT 1 FROM analytics_member_last_purchase l WHERE l.customer_id = p.customer_id
                            AND l.last_recorded_at >= :'end_'::timestamptz - interval '30 days'))
END;
\echo === broadcasts (rolled-up windows of those over, live for those still sending)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH chosen AS (
  SELECT b.id, b.name, b.state, b.started_at, (f.broadcast_id IS NOT NULL) AS rolled_up
  FROM broadcasts b LEFT JOIN analytics_broadcasts_rolled_up f ON f.broadcast_id = b.id
  WHERE b.started_at >= :'start' AND b.started_at < :'end_'),
statuses AS (
  SELECT r.broadcast_id, count(*) AS recipients, count(r.sent_at) AS sent, count(r.delivered_at) AS delivered,
         count(r.read_at) AS read, count(*) FILTER (WHERE r.state = 'FAILED') AS failed,
         count(*) FILTER (WHERE r.skip_reason = 'OPTED_OUT') AS opted_out
  FROM broadcast_recipients r WHERE r.broadcast_id IN (SELECT id FROM chosen) GROUP BY 1),
live AS (
  SELECT r.broadcast_id, count(*) FILTER (WHERE w.purchases > 0) AS purchasers, sum(w.purchases) AS purchases,
         sum(w.revenue) AS revenue
  FROM broadcast_recipients r
  CROSS JOIN LATERAL (SELECT count(*) AS purchases, coalesce(sum(p.amount_minor), 0) AS revenue FROM purchases p
    WHERE p.customer_id = r.customer_id AND p.recorded_at > r.sent_at AND p.recorded_at <= r.sent_at + interval '7 days') w
  WHERE r.broadcast_id IN (SELECT id FROM chosen WHERE NOT rolled_up) AND r.sent_at IS NOT NULL GROUP BY 1),
late AS (
  SELECT w.broadcast_id, w.customer_id, count(*) AS purchases, sum(p.amount_minor) AS revenue
  FROM purchases p JOIN analytics_broadcast_windows w ON w.customer_id = p.customer_id
    AND p.recorded_at > w.sent_at AND p.recorded_at <= w.sent_at + interval '7 days'
  WHERE p.created_at > :'mark' GROUP BY 1, 2),
rolled AS (
  SELECT w.broadcast_id, count(*) FILTER (WHERE w.purchases + coalesce(l.purchases, 0) > 0) AS purchasers,
         sum(w.purchases + coalesce(l.purchases, 0)) AS purchases, sum(w.revenue_minor + coalesce(l.revenue, 0)) AS revenue
  FROM analytics_broadcast_windows w
  LEFT JOIN late l ON l.broadcast_id = w.broadcast_id AND l.customer_id = w.customer_id
  WHERE w.broadcast_id IN (SELECT id FROM chosen WHERE rolled_up) GROUP BY 1),
bought AS (SELECT * FROM live UNION ALL SELECT * FROM rolled)
SELECT c.id, s.recipients, s.sent, x.purchasers, x.purchases, x.revenue
FROM chosen c LEFT JOIN statuses s ON s.broadcast_id = c.id LEFT JOIN bought x ON x.broadcast_id = c.id
ORDER BY c.started_at DESC, c.id;
