-- The messenger a member chose for their notifications (/notify there); without a choice, the one they wrote from
-- last comes first
ALTER TABLE customers ADD COLUMN preferred_channel text
    CONSTRAINT customers_preferred_channel_check CHECK (preferred_channel IN ('TELEGRAM', 'WHATSAPP'));
