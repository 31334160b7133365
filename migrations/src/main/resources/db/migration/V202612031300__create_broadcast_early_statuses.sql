-- Delivery statuses of broadcast messages that arrived before the sender had settled the send, i.e. before any
-- recipient row had the message id. Kept once per message and state (a redelivered webhook adds nothing), applied
-- and deleted when the settle records the message id, and dropped after punchcard.broadcasts.early-status-ttl.
CREATE TABLE broadcast_early_statuses (
    channel      text        NOT NULL CONSTRAINT broadcast_early_statuses_channel_check CHECK (channel IN ('TELEGRAM', 'WHATSAPP')),
    message_id   text        NOT NULL CONSTRAINT broadcast_early_statuses_message_id_check CHECK (length(message_id) BETWEEN 1 AND 256),
    state        text        NOT NULL CONSTRAINT broadcast_early_statuses_state_check CHECK (state IN ('DELIVERED', 'READ', 'FAILED')),
    status_rank  integer     NOT NULL,
    at           timestamptz NOT NULL,
    error_code   text,
    error_reason text,
    received_at  timestamptz NOT NULL,
    CONSTRAINT broadcast_early_statuses_pkey PRIMARY KEY (channel, message_id, state)
);

CREATE INDEX broadcast_early_statuses_received_at_idx ON broadcast_early_statuses (received_at);
