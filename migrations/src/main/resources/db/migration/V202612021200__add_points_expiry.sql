-- Points expiry (issue 10, part 3). Every positive ledger entry (a lot) is stamped, when it is written, with
-- the instant its points expire under the policy then in force (null: never), so a later policy change
-- touches only the points earned after it. Consumption (negative entries, EXPIRE among them) takes the lots
-- that expire first, so what is left of each lot is derived from running sums, without per-lot bookkeeping.
-- Adding a nullable column without a default rewrites nothing.
ALTER TABLE points_ledger_entries ADD COLUMN expires_at timestamptz;
ALTER TABLE points_ledger_entries ADD CONSTRAINT points_ledger_entries_expires_at_check
    CHECK (expires_at IS NULL OR delta > 0);
-- the lots that fall due in a window: the expiry run's and the warnings' way in
CREATE INDEX points_ledger_entries_expires_at_idx ON points_ledger_entries (expires_at, customer_id)
    WHERE expires_at IS NOT NULL;

-- Each completed expiry run: the instant up to which every due lot was expired. The next run looks only at
-- lots falling due after the latest one (a run that failed records nothing, so the next one catches up).
CREATE TABLE points_expiry_runs (
    up_to       timestamptz PRIMARY KEY,
    members     bigint      NOT NULL,
    points      bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
