-- Where a notification went: the channel that took it; the channels that failed it for good (a later failed
-- status, an unusable template), which the next attempt passes over; and whether a channel that has
-- pre-approved templates may take it only as one (WhatsApp refused the free-form message: 131047).
ALTER TABLE notification_outbox ADD COLUMN channel text;
ALTER TABLE notification_outbox ADD COLUMN excluded_channels text[] NOT NULL DEFAULT '{}';
ALTER TABLE notification_outbox ADD COLUMN template_only boolean NOT NULL DEFAULT false;
-- a member's notifications, newest first, for the staff API
CREATE INDEX notification_outbox_customer_idx ON notification_outbox (customer_id, created_at DESC);

-- the notification an outgoing message carried, so that a failed status can have it delivered another way
ALTER TABLE outgoing_messages ADD COLUMN notification_id uuid;
