-- Analytics (issue 10, part 1): rollups that a scheduled job fills incrementally by insertion time, so a report
-- over a year reads a few thousand rollup rows plus the raw rows inserted since the job last ran.
--
-- The watermark: every purchase, refund and ledger entry with created_at <= rolled_up_to is in the rollups, none
-- after it. One row; the job locks it (FOR UPDATE SKIP LOCKED) in the transaction that writes the rollups, so
-- across instances each window is rolled up exactly once. created_at is a transaction's start time, so the job
-- never moves the watermark past now() - lag nor past the start of any transaction still running.
CREATE TABLE analytics_rollup_state (
    id            smallint    PRIMARY KEY CONSTRAINT analytics_rollup_state_single_check CHECK (id = 1),
    rolled_up_to  timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
INSERT INTO analytics_rollup_state (id, rolled_up_to) VALUES (1, 'epoch');

-- purchases by the UTC hour of recorded_at and refunds by the UTC hour of refunded_at, per store
CREATE TABLE analytics_sales_hourly (
    hour            timestamptz NOT NULL,
    store_id        uuid        NOT NULL,
    purchases       bigint      NOT NULL,
    revenue_minor   bigint      NOT NULL,
    refunds         bigint      NOT NULL,
    refunded_minor  bigint      NOT NULL,
    CONSTRAINT analytics_sales_hourly_pkey PRIMARY KEY (hour, store_id)
);
CREATE INDEX analytics_sales_hourly_store_idx ON analytics_sales_hourly (store_id, hour);

-- line items by the UTC day of their purchase's recorded_at, per store, sku and category
CREATE TABLE analytics_items_daily (
    day            date    NOT NULL,
    store_id       uuid    NOT NULL,
    sku            text    NOT NULL,
    category       text    NOT NULL,
    name           text,
    quantity       bigint  NOT NULL,
    revenue_minor  bigint  NOT NULL,
    CONSTRAINT analytics_items_daily_pkey PRIMARY KEY (day, store_id, sku, category)
);
CREATE INDEX analytics_items_daily_store_idx ON analytics_items_daily (store_id, day);

-- ledger entries (their count and net points) by the UTC hour of occurred_at, per kind and the member's home
-- store (none: no home store)
CREATE TABLE analytics_points_hourly (
    hour          timestamptz NOT NULL,
    store_id      uuid,
    kind          text        NOT NULL,
    entries       bigint      NOT NULL,
    points        bigint      NOT NULL,
    CONSTRAINT analytics_points_hourly_key UNIQUE NULLS NOT DISTINCT (hour, store_id, kind)
);
CREATE INDEX analytics_points_hourly_store_idx ON analytics_points_hourly (store_id, hour);

-- what the rollup job and the reports read in the raw tables: rows inserted since the watermark (BRIN: created_at
-- follows insertion order, and a BRIN index costs the purchase path almost nothing). Purchases in a time range (the
-- ends of a range that do not fill a rolled-up bucket, zones whose offsets are not whole hours) use the
-- leaderboard's purchases_recorded_idx.
CREATE INDEX purchases_created_brin ON purchases USING brin (created_at) WITH (pages_per_range = 16);
CREATE INDEX refunds_created_brin ON refunds USING brin (created_at) WITH (pages_per_range = 16);
CREATE INDEX points_ledger_entries_created_brin ON points_ledger_entries USING brin (created_at) WITH (pages_per_range = 16);
CREATE INDEX refunds_refunded_idx ON refunds (refunded_at);
-- the member, tier, referral and voucher reports read these by time
CREATE INDEX customers_created_idx ON customers (created_at);
CREATE INDEX customers_referral_rewarded_idx ON customers (referral_rewarded_at) WHERE referral_rewarded_at IS NOT NULL;
CREATE INDEX tier_changes_changed_idx ON tier_changes (changed_at);
CREATE INDEX vouchers_issued_idx ON vouchers (issued_at);
CREATE INDEX broadcasts_started_idx ON broadcasts (started_at) WHERE started_at IS NOT NULL;
