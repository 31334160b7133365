-- pgbench script: the writes of one recorded purchase, as one transaction.
--   pgbench -n -M prepared -D customers=2000 -f purchase.sql -c N -j min(N,2) -T 20 punchcard_pgbench
-- (seed first with seed.sql). A random pre-seeded customer earns 1 point per EUR:
--   1. update the balance (takes the row lock, returns the new balance),
--   2. insert the purchase (random uuid as receipt number, so every receipt is distinct),
--   3. insert the EARN ledger entry for it,
--   4. queue the PointsCredited notification in the outbox.
-- This is the floor for the service: the same rows written, with none of its reads
-- (store and card-holder look-ups, FOR UPDATE, rolling net spend); see purchase_full.sql for those.
\set cn random(1, :customers)
\set amount random(100, 20000)
\set points :amount / 100
BEGIN;
UPDATE points_balances SET balance = balance + :points, updated_at = now()
WHERE customer_id = ('00000000-0000-4000-8000-' || lpad(to_hex(:cn::bigint), 12, '0'))::uuid
RETURNING customer_id AS cid, balance AS balance \gset
INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
                       tier_at_purchase, balance_after, tier_after, cashier_id, recorded_at)
VALUES (gen_random_uuid(), :cid::uuid, '00000000-0000-4000-9000-000000000001', gen_random_uuid()::text,
        :amount, 'EUR', :points, 'BRONZE', :balance, 'BRONZE', NULL, now())
ON CONFLICT ON CONSTRAINT purchases_store_receipt_key DO NOTHING
RETURNING id AS pid, receipt_no AS receipt \gset
INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at)
VALUES (gen_random_uuid(), :cid::uuid, :points, 'EARN', 'purchase ' || :receipt::text || ' at PGBENCH', 'PURCHASE',
        :pid::text, now());
INSERT INTO notification_outbox (id, customer_id, kind, payload, idempotency_key)
VALUES (gen_random_uuid(), :cid::uuid, 'PointsCredited',
        jsonb_build_object('purchaseId', :pid::text, 'storeName', 'pgbench store', 'amountMinor', :amount::bigint,
                           'currency', 'EUR', 'points', :points::bigint, 'balance', :balance::bigint,
                           'tier', 'BRONZE'),
        'purchase:' || :pid::text)
ON CONFLICT ON CONSTRAINT notification_outbox_idempotency_key_key DO NOTHING;
END;
