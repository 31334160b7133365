-- A campaign voucher: a one-time voucher for a reward that a broadcast gives each recipient, at no cost in points.
-- It is issued once per (campaign, customer), however often the send is retried, and honoured at the till like
-- any other voucher. It never has a ledger entry: it debits nothing, so cancelling it credits nothing.
ALTER TABLE vouchers ADD COLUMN campaign_key text
    CONSTRAINT vouchers_campaign_key_check CHECK (campaign_key IS NULL OR length(campaign_key) BETWEEN 1 AND 100);
ALTER TABLE vouchers ADD CONSTRAINT vouchers_campaign_customer_key UNIQUE (campaign_key, customer_id);
ALTER TABLE vouchers DROP CONSTRAINT vouchers_cost_check;
ALTER TABLE vouchers ADD CONSTRAINT vouchers_cost_check
    CHECK ((campaign_key IS NULL AND cost_points > 0) OR (campaign_key IS NOT NULL AND cost_points = 0));
