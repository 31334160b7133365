-- Analytics (issue 10, part 1): rollups for the three reports that still read the raw rows at length, filled by the
-- same job and watermark as the others (V202612031000), so every answer stays the raw rows' answer.
--
-- Take the watermark row first: a rollup job running on another instance waits, and the backfill below holds exactly
-- the purchases rolled up so far. (An instance of the previous version that rolls up after this migration would not
-- fill these tables: stop those before migrating, as for any deploy of a new version here.)
SELECT rolled_up_to FROM analytics_rollup_state WHERE id = 1 FOR UPDATE;

-- members: each member's latest purchase time (recorded_at) among the rolled-up purchases. "Active in the 30 days
-- up to the end of a range" over all stores is then the members whose latest purchase is in those 30 days, plus
-- those with purchases inserted after the watermark, as long as no purchase is recorded at or after the end (the
-- reading checks that and reads the raw rows otherwise). A maximum stays exact under historical purchases, which
-- a per-day count of distinct members would not.
CREATE TABLE analytics_member_last_purchase (
    customer_id       uuid        PRIMARY KEY,
    last_recorded_at  timestamptz NOT NULL
);
INSERT INTO analytics_member_last_purchase (customer_id, last_recorded_at)
SELECT p.customer_id, max(p.recorded_at) FROM purchases p
WHERE p.created_at <= (SELECT rolled_up_to FROM analytics_rollup_state WHERE id = 1)
GROUP BY p.customer_id;
CREATE INDEX analytics_member_last_purchase_at_idx ON analytics_member_last_purchase (last_recorded_at);

-- broadcasts: once a broadcast is over (COMPLETED or CANCELLED with no recipient QUEUED or SENDING, so no sent_at
-- changes any more), the job stores each sent recipient's purchases within 7 days after their message among the
-- purchases inserted up to the watermark, and adds the purchases it rolls up later (historical ones included) to
-- them; a report adds the purchases inserted after the watermark. Broadcasts still sending are read raw. Per
-- recipient, not per broadcast: "recipients who bought" does not add up, and a store's report counts the members
-- whose home store it is now.
CREATE TABLE analytics_broadcasts_rolled_up (
    broadcast_id  uuid        PRIMARY KEY REFERENCES broadcasts (id) ON DELETE CASCADE,
    rolled_up_at  timestamptz NOT NULL
);
CREATE TABLE analytics_broadcast_windows (
    broadcast_id   uuid        NOT NULL REFERENCES analytics_broadcasts_rolled_up (broadcast_id) ON DELETE CASCADE,
    customer_id    uuid        NOT NULL,
    sent_at        timestamptz NOT NULL,
    purchases      bigint      NOT NULL,
    revenue_minor  bigint      NOT NULL,
    CONSTRAINT analytics_broadcast_windows_pkey PRIMARY KEY (broadcast_id, customer_id)
);
-- the job finds the windows a new purchase falls into by its member
CREATE INDEX analytics_broadcast_windows_customer_idx ON analytics_broadcast_windows (customer_id, sent_at);

-- products: the daily line-item rollups summed by UTC month, so a report reads a row per month, store and SKU for
-- the whole UTC months inside its range, daily rows for the days around them and raw rows for the hours at its ends.
-- Filled from the daily rollups, which hold exactly the purchases rolled up so far.
CREATE TABLE analytics_items_monthly (
    month          date    NOT NULL CONSTRAINT analytics_items_monthly_month_check CHECK (extract(day FROM month) = 1),
    store_id       uuid    NOT NULL,
    sku            text    NOT NULL,
    category       text    NOT NULL,
    name           text,
    quantity       bigint  NOT NULL,
    revenue_minor  bigint  NOT NULL,
    CONSTRAINT analytics_items_monthly_pkey PRIMARY KEY (store_id, month, sku, category)
);
INSERT INTO analytics_items_monthly (month, store_id, sku, category, name, quantity, revenue_minor)
SELECT date_trunc('month', day)::date, store_id, sku, category, max(name), sum(quantity), sum(revenue_minor)
FROM analytics_items_daily GROUP BY 1, 2, 3, 4;

-- the days around the whole months, one store: EXPLAIN showed a year of them as 142,000 rows on 37,000 heap pages
-- (a day's rows of every store lie together); read from the index alone instead
CREATE INDEX analytics_items_daily_store_cover_idx ON analytics_items_daily (store_id, day)
    INCLUDE (sku, category, name, quantity, revenue_minor);
DROP INDEX analytics_items_daily_store_idx;

CREATE TABLE analytics_items_monthly_all (
    month          date    NOT NULL CONSTRAINT analytics_items_monthly_all_month_check CHECK (extract(day FROM month) = 1),
    sku            text    NOT NULL,
    category       text    NOT NULL,
    name           text,
    quantity       bigint  NOT NULL,
    revenue_minor  bigint  NOT NULL,
    CONSTRAINT analytics_items_monthly_all_pkey PRIMARY KEY (month, sku, category)
);
INSERT INTO analytics_items_monthly_all (month, sku, category, name, quantity, revenue_minor)
SELECT date_trunc('month', day)::date, sku, category, max(name), sum(quantity), sum(revenue_minor)
FROM analytics_items_daily_all GROUP BY 1, 2, 3;
