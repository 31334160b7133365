-- Members for the broadcast benchmark: :members members, each with a WhatsApp chat (wa_id 7000000000 + i), of whom
-- the first :telegram also have a Telegram chat (chat id 500000000 + i) and prefer it. Run on a migrated database:
--   psql -v members=100000 -v telegram=3000 -f bench/broadcasts/seed.sql
INSERT INTO customers (id, name, language, referral_code, card_number, preferred_channel, created_at)
SELECT md5('bench-member-' || i)::uuid, 'Member ' || i, CASE WHEN i % 5 = 0 THEN 'ru' ELSE 'en' END,
       'BENCH' || i, 880000000 + i, CASE WHEN i <= :telegram THEN 'TELEGRAM' END, now() - interval '30 days'
FROM generate_series(1, :members) AS i;

INSERT INTO points_balances (customer_id, balance)
SELECT md5('bench-member-' || i)::uuid, i % 500 FROM generate_series(1, :members) AS i;

INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id, created_at)
SELECT md5('bench-wa-' || i)::uuid, md5('bench-member-' || i)::uuid, 'WHATSAPP', (7000000000 + i)::text,
       (7000000000 + i)::text, now() - interval '30 days'
FROM generate_series(1, :members) AS i;

INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id, created_at)
SELECT md5('bench-tg-' || i)::uuid, md5('bench-member-' || i)::uuid, 'TELEGRAM', (500000000 + i)::text,
       (500000000 + i)::text, now() - interval '30 days'
FROM generate_series(1, :telegram) AS i;

ANALYZE customers;
ANALYZE points_balances;
ANALYZE channel_identities;
