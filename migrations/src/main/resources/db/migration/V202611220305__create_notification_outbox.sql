CREATE TABLE notification_outbox (
    id               uuid        PRIMARY KEY,
    customer_id      uuid        NOT NULL REFERENCES customers (id),
    kind             text        NOT NULL,
    payload          jsonb       NOT NULL,
    idempotency_key  text        NOT NULL,
    status           text        NOT NULL DEFAULT 'PENDING' CONSTRAINT notification_outbox_status_check
                                 CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    CONSTRAINT notification_outbox_idempotency_key_key UNIQUE (idempotency_key)
);
CREATE INDEX notification_outbox_pending_idx ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
