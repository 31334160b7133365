-- the referral bonus is paid once, on the referred customer's first purchase
ALTER TABLE customers ADD COLUMN referral_rewarded_at timestamptz;
-- a channel identity stays unreachable (bot blocked) until the user writes again
ALTER TABLE channel_identities ADD COLUMN unreachable_since timestamptz;
ALTER TABLE channel_identities ADD COLUMN last_seen_at timestamptz;
