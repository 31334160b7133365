-- Recording a purchase sums the customer's net spend over the tier window (purchases minus refunds)
-- in the same statement that reads their account. With the amounts in the index, that sum reads
-- the index only (where the visibility map allows), not one heap page per purchase. The new index
-- serves everything the old one did (same key columns), so it replaces it.
CREATE INDEX purchases_customer_spend_idx ON purchases (customer_id, recorded_at)
    INCLUDE (amount_minor, refunded_minor);
DROP INDEX purchases_customer_idx;
