-- pgbench script: every statement the service sends for one purchase, in the same order (checked with
-- log_statement = all: 2 round trips, no transaction; core/.../purchase/infrastructure/R2dbcPurchaseAccounts.java):
--   1. the account: card holder, balance and its row version (xmin), the rolling net spend, and what is
--      recorded for the receipt at the store;
--   2. one statement that moves the balance only if the row is still at that version and writes the purchase,
--      the ledger entry and the outbox row only if it did.
-- Not the target's yardstick (that is purchase.sql); it shows how much of any gap is the service's SQL rather
-- than the service itself. Tier changes and line items are left out (the benchmark sends neither).
--   pgbench -n -M prepared -D customers=2000 -f purchase_full.sql -c N -j min(N,2) -T 20 punchcard_pgbench
\set cn random(1, :customers)
\set amount random(100, 20000)
\set points :amount / 100
\set receipt random(1, 9000000000000)
SELECT c.id AS cid, c.name, c.phone, c.language, c.home_store_id, c.referral_code, c.referred_by, c.status,
       c.card_number, c.tier AS tier, c.created_at,
       c.referred_by IS NOT NULL AND c.referral_rewarded_at IS NULL AS referral_due,
       b.balance AS balance, b.xmin::text AS version,
       (SELECT COALESCE(SUM(s.amount_minor - s.refunded_minor), 0)::bigint FROM purchases s
        WHERE s.customer_id = c.id AND s.recorded_at > now() - interval '365 days') AS net_spend,
       p.id AS p_id
FROM customers c
JOIN points_balances b ON b.customer_id = c.id
LEFT JOIN purchases p ON p.store_id = '00000000-0000-4000-9000-000000000001' AND p.receipt_no = 'PGB-' || :receipt
WHERE c.card_number = :cn::bigint \gset
WITH moved AS (
    UPDATE points_balances SET balance = balance + :points, updated_at = now()
    WHERE customer_id = :cid::uuid AND xmin::text = :version::text
    RETURNING balance
), purchase AS (
    INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
                           tier_at_purchase, balance_after, tier_after, cashier_id, recorded_at)
    SELECT gen_random_uuid(), :cid::uuid, '00000000-0000-4000-9000-000000000001', 'PGB-' || :receipt,
           :amount, 'EUR', :points, :tier::text, moved.balance, :tier::text, NULL, now()
    FROM moved
    RETURNING id, receipt_no
), notified AS (
    INSERT INTO notification_outbox (id, customer_id, kind, payload, idempotency_key)
    SELECT gen_random_uuid(), :cid::uuid, 'PointsCredited',
           jsonb_build_object('purchaseId', purchase.id::text, 'storeName', 'pgbench store',
                              'amountMinor', :amount::bigint, 'currency', 'EUR', 'points', :points::bigint,
                              'balance', :balance::bigint + :points, 'tier', :tier::text),
           'purchase:' || purchase.id::text
    FROM purchase
    ON CONFLICT ON CONSTRAINT notification_outbox_idempotency_key_key DO NOTHING
), entry AS (
    INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at)
    SELECT gen_random_uuid(), :cid::uuid, :points, 'EARN', 'purchase ' || purchase.receipt_no || ' at PGBENCH',
           'PURCHASE', purchase.id::text, now()
    FROM purchase
)
SELECT balance FROM moved;
