-- Every chat update is stored before it is acknowledged, so nothing is lost or handled twice across a crash or a
-- redelivery: (channel, update_id) is unique, and a worker claims each stored update with a lease.
CREATE TABLE inbound_updates (
    channel        text        NOT NULL CONSTRAINT inbound_updates_channel_check CHECK (channel IN ('TELEGRAM', 'WHATSAPP')),
    update_id      text        NOT NULL,
    chat_key       text        NOT NULL,
    payload        text        NOT NULL,
    status         text        NOT NULL DEFAULT 'NEW'
                               CONSTRAINT inbound_updates_status_check CHECK (status IN ('NEW', 'PROCESSING', 'DONE')),
    attempts       int         NOT NULL DEFAULT 0,
    claimed_until  timestamptz,
    received_at    timestamptz NOT NULL,
    done_at        timestamptz,
    CONSTRAINT inbound_updates_pkey PRIMARY KEY (channel, update_id)
);
CREATE INDEX inbound_updates_pending_idx ON inbound_updates (received_at) WHERE status <> 'DONE';
