CREATE TABLE points_balances (
    customer_id  uuid        PRIMARY KEY REFERENCES customers (id),
    balance      bigint      NOT NULL DEFAULT 0 CONSTRAINT points_balances_balance_check CHECK (balance >= 0),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE points_ledger_entries (
    id           uuid        PRIMARY KEY,
    customer_id  uuid        NOT NULL REFERENCES customers (id),
    delta        bigint      NOT NULL CONSTRAINT points_ledger_entries_delta_check CHECK (delta <> 0),
    kind         text        NOT NULL CONSTRAINT points_ledger_entries_kind_check
                             CHECK (kind IN ('EARN', 'REDEEM', 'REVERSAL', 'BONUS', 'EXPIRE', 'ADJUST')),
    reason       text        NOT NULL,
    source_type  text        NOT NULL,
    source_id    text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    created_by   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT points_ledger_entries_source_key UNIQUE (source_type, source_id)
);
CREATE INDEX points_ledger_entries_customer_idx ON points_ledger_entries (customer_id, occurred_at);
