-- Seed data for the pgbench purchase scripts (purchase.sql, purchase_full.sql).
-- Run on a database that already has the Flyway schema (migrations/src/main/resources/db/migration):
--   psql -v ON_ERROR_STOP=1 -v customers=2000 -d punchcard_pgbench -f seed.sql
-- Customer n (1..:customers) has card_number n and the id 00000000-0000-4000-8000-<n as 12 hex digits>,
-- so the scripts can pick a random existing customer without a look-up table.

BEGIN;

INSERT INTO stores (id, code, name)
VALUES ('00000000-0000-4000-9000-000000000001', 'PGBENCH', 'pgbench store');

INSERT INTO customers (id, name, language, home_store_id, referral_code, card_number, tier)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
       'Bench customer ' || g,
       'en',
       '00000000-0000-4000-9000-000000000001',
       'PGB' || g,
       g,
       'BRONZE'
FROM generate_series(1, :customers) AS g;

INSERT INTO points_balances (customer_id, balance)
SELECT id, 0 FROM customers;

COMMIT;

VACUUM ANALYZE stores;
VACUUM ANALYZE customers;
VACUUM ANALYZE points_balances;
