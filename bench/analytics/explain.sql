-- EXPLAIN ANALYZE of the analytics statements for the last 365 days in Europe/Berlin, all stores, as the adapters
-- send them (parameters written in). Run after run.sh: flock /tmp/bench.lock psql -d punchcard_analyticsbench -f explain.sql
SELECT rolled_up_to AS mark FROM analytics_rollup_state \gset
SELECT ((current_date - 364)::timestamp AT TIME ZONE 'Europe/Berlin') AS start,
       ((current_date + 1)::timestamp AT TIME ZONE 'Europe/Berlin') AS end_,
       date_trunc('day', (current_date - 364)::timestamp AT TIME ZONE 'Europe/Berlin', 'UTC') + interval '1 day' AS mstart,
       date_trunc('day', (current_date + 1)::timestamp AT TIME ZONE 'Europe/Berlin', 'UTC') AS mend \gset
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
\echo === products
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH lines AS (
  SELECT d.sku, d.category, d.name, d.quantity, d.revenue_minor FROM analytics_items_daily d
  WHERE d.day >= (:'mstart'::timestamptz AT TIME ZONE 'UTC')::date AND d.day < (:'mend'::timestamptz AT TIME ZONE 'UTC')::date
  UNION ALL
  SELECT i.sku, coalesce(i.category, ''), i.name, i.quantity::bigint, i.quantity * i.unit_price_minor
  FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id
  WHERE ((p.recorded_at >= :'start' AND p.recorded_at < :'mstart') OR (p.recorded_at >= :'mend' AND p.recorded_at < :'end_'))
  UNION ALL
  SELECT i.sku, coalesce(i.category, ''), i.name, i.quantity::bigint, i.quantity * i.unit_price_minor
  FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id
  WHERE p.created_at > :'mark' AND p.recorded_at >= :'mstart' AND p.recorded_at < :'mend'),
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
\echo === members: active in 30 days
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(DISTINCT p.customer_id) FROM purchases p WHERE p.recorded_at >= :'end_'::timestamptz - interval '30 days' AND p.recorded_at < :'end_';
\echo === broadcasts
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT b.id, count(r.id), count(*) FILTER (WHERE w.purchases > 0), coalesce(sum(w.purchases), 0)
FROM broadcasts b
LEFT JOIN (broadcast_recipients r JOIN customers c ON c.id = r.customer_id) ON r.broadcast_id = b.id
LEFT JOIN LATERAL (
  SELECT count(*) AS purchases, sum(p.amount_minor) AS revenue FROM purchases p
  WHERE r.sent_at IS NOT NULL AND p.customer_id = r.customer_id
    AND p.recorded_at > r.sent_at AND p.recorded_at <= r.sent_at + interval '7 days') w ON true
WHERE b.started_at >= :'start' AND b.started_at < :'end_'
GROUP BY b.id;
