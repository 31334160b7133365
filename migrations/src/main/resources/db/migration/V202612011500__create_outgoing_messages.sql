-- Every message the bot sent on a channel that reports delivery (WhatsApp), keyed by the platform's message id
-- (wamid), with its delivery status. The status only moves forward (ACCEPTED < SENT < DELIVERED < READ;
-- FAILED is final) whatever order the platform's status webhooks arrive in; a status may arrive before the send
-- recorded its row, so either side creates it. These rows are what broadcasts count.
CREATE TABLE outgoing_messages (
    channel      text        NOT NULL CONSTRAINT outgoing_messages_channel_check CHECK (channel IN ('TELEGRAM', 'WHATSAPP')),
    platform_id  text        NOT NULL CONSTRAINT outgoing_messages_platform_id_check CHECK (length(platform_id) BETWEEN 1 AND 256),
    our_id       uuid,
    recipient    text,
    status       text        NOT NULL CONSTRAINT outgoing_messages_status_check
                                 CHECK (status IN ('ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'FAILED')),
    status_rank  smallint    NOT NULL,
    error_code   integer,
    accepted_at  timestamptz,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT outgoing_messages_pkey PRIMARY KEY (channel, platform_id)
);

CREATE UNIQUE INDEX outgoing_messages_our_id_key ON outgoing_messages (our_id) WHERE our_id IS NOT NULL;
