-- Analytics benchmark data (issue 10, part 1), set-based: 20 stores, 100,000 members, 2,000,000 purchases over the
-- last 395 days with ~3 line items each (500 SKUs in 25 categories), 3% of them refunded, a ledger entry per
-- purchase and refund plus redemptions, expiries, adjustments and bonuses, vouchers, tier changes, referrals and
-- 12 broadcasts of 10,000 recipients each. Run on a freshly migrated database: psql -v ON_ERROR_STOP=1 -f generate.sql
\timing on
SET session_replication_role = replica;  -- the foreign keys hold by construction; skip their per-row checks
SET synchronous_commit = off;
SELECT setseed(0.42);

INSERT INTO stores (id, code, name)
SELECT gen_random_uuid(), 'BENCH-' || n, 'Bench store ' || n FROM generate_series(1, 20) n;

CREATE TEMP TABLE store_ids AS SELECT row_number() OVER (ORDER BY code) AS n, id FROM stores;

INSERT INTO customers (id, name, language, home_store_id, referral_code, card_number, tier, created_at)
SELECT gen_random_uuid(), 'Member ' || n, 'en', (SELECT id FROM store_ids WHERE store_ids.n = 1 + (g.n % 20)),
       'REF' || n, 100000 + n,
       CASE WHEN n % 10 = 0 THEN 'GOLD' WHEN n % 4 = 0 THEN 'SILVER' ELSE 'BRONZE' END,
       now() - interval '450 days' + (n::float / 100000) * interval '450 days'
FROM generate_series(1, 100000) g(n);

CREATE TEMP TABLE members AS SELECT row_number() OVER (ORDER BY card_number) AS n, id, home_store_id, created_at FROM customers;
CREATE UNIQUE INDEX ON members (n);
ANALYZE members;

-- one in ten was referred by an earlier member; half of those bought, which pays the referral bonus
UPDATE customers c SET referred_by = r.id,
       referral_rewarded_at = CASE WHEN m.n % 20 = 0 THEN c.created_at + interval '3 days' END
FROM members m JOIN members r ON r.n = greatest(1, m.n / 7)
WHERE c.id = m.id AND m.n % 10 = 0 AND m.n > 10;

INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id, created_at)
SELECT gen_random_uuid(), id, CASE WHEN n % 5 < 3 THEN 'TELEGRAM' ELSE 'WHATSAPP' END, 'ext-' || n, 'chat-' || n, created_at
FROM members WHERE n % 10 <> 9;

INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned, tier_at_purchase,
                       balance_after, tier_after, recorded_at)
SELECT gen_random_uuid(), m.id, s.id, 'R' || g.n, 500 + (g.n * 7919) % 19500, 'EUR', (500 + (g.n * 7919) % 19500) / 100,
       'BRONZE', 0, 'BRONZE', now() - random() * interval '395 days'
FROM generate_series(1::bigint, 2000000) g(n)
JOIN members m ON m.n = 1 + (g.n * 48271) % 100000
JOIN store_ids s ON s.n = 1 + (g.n % 20);

INSERT INTO purchase_items (purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
SELECT p.id, l, 'SKU-' || k, 'Product ' || k, CASE WHEN k % 50 = 0 THEN NULL ELSE 'Category ' || (k % 25) END,
       1 + (k + l) % 3, 100 + (k * 37) % 2000
FROM (SELECT id, (hashtext(id::text) & 2147483647) AS h FROM purchases) p,
     LATERAL generate_series(1, 1 + p.h % 5) l,
     LATERAL (SELECT (p.h / 7 + l * 131) % 500 AS k) sku;

-- 3% refunded, in full or half
WITH chosen AS (
  SELECT id, amount_minor, points_earned, recorded_at,
         CASE WHEN random() < 0.5 THEN amount_minor ELSE greatest(1, amount_minor / 2) END AS refund
  FROM purchases TABLESAMPLE BERNOULLI (3)),
ins AS (
  INSERT INTO refunds (id, purchase_id, refund_no, amount_minor, points_reversed, balance_after, tier_after, refunded_at)
  SELECT gen_random_uuid(), id, 'F1', refund, points_earned * refund / amount_minor, 0, 'BRONZE',
         least(now() - interval '1 hour', recorded_at + random() * interval '10 days')
  FROM chosen RETURNING purchase_id, amount_minor, points_reversed)
UPDATE purchases p SET refunded_minor = ins.amount_minor, points_reversed = ins.points_reversed
FROM ins WHERE p.id = ins.purchase_id;

INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at)
SELECT gen_random_uuid(), customer_id, points_earned, 'EARN', 'purchase', 'PURCHASE', id::text, recorded_at
FROM purchases WHERE points_earned > 0;
INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at)
SELECT gen_random_uuid(), p.customer_id, -r.points_reversed, 'REVERSAL', 'refund', 'REFUND', r.id::text, r.refunded_at
FROM refunds r JOIN purchases p ON p.id = r.purchase_id WHERE r.points_reversed > 0;

INSERT INTO rewards (id, name, cost_points)
SELECT gen_random_uuid(), 'Reward ' || n, 50 * n FROM generate_series(1, 20) n;
CREATE TEMP TABLE reward_ids AS SELECT row_number() OVER (ORDER BY cost_points) AS n, id, cost_points FROM rewards;

INSERT INTO vouchers (id, serial, customer_id, reward_id, cost_points, status, issued_at)
SELECT gen_random_uuid(), g.n, m.id, r.id, r.cost_points, CASE WHEN g.n % 17 = 0 THEN 'CANCELLED' ELSE 'HONOURED' END,
       now() - random() * interval '395 days'
FROM generate_series(1::bigint, 60000) g(n)
JOIN members m ON m.n = 1 + (g.n * 7907) % 100000
JOIN reward_ids r ON r.n = 1 + (g.n * g.n) % 20;
INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at)
SELECT gen_random_uuid(), customer_id, -cost_points, 'REDEEM', 'voucher', 'VOUCHER', id::text, issued_at
FROM vouchers WHERE status <> 'CANCELLED';
INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at)
SELECT gen_random_uuid(), m.id, CASE WHEN g.n % 3 = 0 THEN -(g.n % 90 + 1) ELSE g.n % 200 + 1 END,
       CASE WHEN g.n % 4 = 0 THEN 'EXPIRE' WHEN g.n % 4 = 1 THEN 'BONUS' ELSE 'ADJUST' END, 'bench',
       'BENCH', g.n::text, now() - random() * interval '395 days'
FROM generate_series(1::bigint, 40000) g(n) JOIN members m ON m.n = 1 + (g.n * 6007) % 100000
WHERE NOT (g.n % 4 = 0 AND g.n % 3 <> 0) AND NOT (g.n % 4 = 1 AND g.n % 3 = 0);

INSERT INTO points_balances (customer_id, balance)
SELECT m.id, greatest(0, coalesce(sum(e.delta), 0)) FROM members m LEFT JOIN points_ledger_entries e ON e.customer_id = m.id
GROUP BY m.id;

INSERT INTO tier_changes (id, customer_id, from_tier, to_tier, net_spend_minor, cause_type, cause_id, changed_at)
SELECT gen_random_uuid(), m.id, CASE WHEN g.n % 3 = 0 THEN 'SILVER' ELSE 'BRONZE' END,
       CASE WHEN g.n % 3 = 0 THEN 'GOLD' WHEN g.n % 7 = 0 THEN 'GOLD' ELSE 'SILVER' END, 100000, 'PURCHASE', g.n::text,
       now() - random() * interval '395 days'
FROM generate_series(1::bigint, 30000) g(n) JOIN members m ON m.n = 1 + (g.n * 3571) % 100000;

INSERT INTO broadcasts (id, name, channel_policy, telegram_template_id, telegram_use, time_zone, state, created_at,
                        updated_at, started_at, completed_at)
SELECT gen_random_uuid(), 'Bench broadcast ' || n, 'TELEGRAM_ONLY', gen_random_uuid(), '{}'::jsonb, 'UTC', 'COMPLETED',
       now() - n * interval '30 days', now() - n * interval '30 days', now() - n * interval '30 days',
       now() - n * interval '30 days' + interval '2 hours'
FROM generate_series(0, 11) n;
INSERT INTO broadcast_recipients (broadcast_id, customer_id, channel, chat_id, language, state, skip_reason, message_id,
                                  status_rank, due_at, sent_at, delivered_at, read_at, failed_at)
SELECT b.id, m.id, CASE WHEN k.s = 'SKIPPED' THEN NULL ELSE 'TELEGRAM' END,
       CASE WHEN k.s = 'SKIPPED' THEN NULL ELSE 'chat-' || m.n END, 'en', k.s,
       CASE WHEN k.s = 'SKIPPED' THEN 'OPTED_OUT' END,
       CASE WHEN k.s IN ('SENT', 'DELIVERED', 'READ') THEN b.id || '-' || m.n END,
       CASE k.s WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 WHEN 'READ' THEN 3 WHEN 'FAILED' THEN 4 ELSE 0 END,
       b.started_at, CASE WHEN k.s IN ('SENT', 'DELIVERED', 'READ') THEN b.started_at + interval '5 minutes' END,
       CASE WHEN k.s IN ('DELIVERED', 'READ') THEN b.started_at + interval '6 minutes' END,
       CASE WHEN k.s = 'READ' THEN b.started_at + interval '1 hour' END,
       CASE WHEN k.s = 'FAILED' THEN b.started_at + interval '5 minutes' END
FROM broadcasts b
CROSS JOIN generate_series(1::bigint, 10000) g(n)
JOIN members m ON m.n = 1 + (g.n * 9973 + hashtext(b.id::text) & 65535) % 100000
CROSS JOIN LATERAL (SELECT CASE g.n % 10 WHEN 0 THEN 'FAILED' WHEN 1 THEN 'SKIPPED' WHEN 2 THEN 'SENT'
                               WHEN 3 THEN 'DELIVERED' WHEN 4 THEN 'DELIVERED' ELSE 'READ' END AS s) k
ON CONFLICT DO NOTHING;

RESET session_replication_role;
VACUUM ANALYZE;
SELECT 'purchases' AS what, count(*) FROM purchases UNION ALL SELECT 'line items', count(*) FROM purchase_items
UNION ALL SELECT 'ledger entries', count(*) FROM points_ledger_entries UNION ALL SELECT 'members', count(*) FROM customers;
