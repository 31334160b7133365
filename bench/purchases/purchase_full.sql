-- pgbench script: every statement the service sends for one purchase, in the same order
-- (checked with log_statement = all: 10 round trips): the pool's validation query
-- (spring.r2dbc.pool.validation-depth: remote), then in one transaction
-- (core/.../purchase/application/RecordPurchase.java and its R2DBC adapters):
--   store by code, card holder by card number, balance FOR UPDATE, rolling net spend,
--   insert purchase, balance update + ledger entry (one CTE), outbox insert.
-- Not the target's yardstick (that is purchase.sql); it shows how much of any gap is
-- the extra round trips rather than the service itself. Tier changes are left out.
--   pgbench -n -M prepared -D customers=2000 -f purchase_full.sql -c N -j min(N,2) -T 20 punchcard_pgbench
\set cn random(1, :customers)
\set amount random(100, 20000)
\set points :amount / 100
SELECT 1;
BEGIN;
SELECT id AS sid, code AS scode, active FROM stores WHERE code = 'PGBENCH' \gset
SELECT c.id AS cid, c.tier AS tier, c.status FROM customers c WHERE c.card_number = :cn::bigint \gset
SELECT balance AS balance FROM points_balances WHERE customer_id = :cid::uuid FOR UPDATE \gset
SELECT COALESCE(SUM(amount_minor - refunded_minor), 0)::bigint AS spent FROM purchases
WHERE customer_id = :cid::uuid AND recorded_at > now() - interval '365 days' \gset
INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
                       tier_at_purchase, balance_after, tier_after, cashier_id, recorded_at)
VALUES (gen_random_uuid(), :cid::uuid, :sid::uuid, gen_random_uuid()::text, :amount, 'EUR', :points, :tier::text,
        :balance::bigint + :points, :tier::text, NULL, now())
ON CONFLICT ON CONSTRAINT purchases_store_receipt_key DO NOTHING
RETURNING id AS pid, receipt_no AS receipt \gset
WITH moved AS (
    UPDATE points_balances SET balance = balance + :points, updated_at = now()
    WHERE customer_id = :cid::uuid AND balance + :points >= 0
    RETURNING balance
), entry AS (
    INSERT INTO points_ledger_entries
        (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at, created_by)
    SELECT gen_random_uuid(), :cid::uuid, :points, 'EARN', 'purchase ' || :receipt::text || ' at PGBENCH',
           'PURCHASE', :pid::text, now(), NULL
    FROM moved
)
SELECT balance FROM moved;
INSERT INTO notification_outbox (id, customer_id, kind, payload, idempotency_key)
VALUES (gen_random_uuid(), :cid::uuid, 'PointsCredited',
        jsonb_build_object('purchaseId', :pid::text, 'storeName', 'pgbench store', 'amountMinor', :amount::bigint,
                           'currency', 'EUR', 'points', :points::bigint, 'balance', :balance::bigint + :points,
                           'tier', :tier::text),
        'purchase:' || :pid::text)
ON CONFLICT ON CONSTRAINT notification_outbox_idempotency_key_key DO NOTHING;
END;
