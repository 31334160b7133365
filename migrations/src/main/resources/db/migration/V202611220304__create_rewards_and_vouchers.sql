CREATE TABLE rewards (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    description   text        NOT NULL DEFAULT '',
    cost_points   bigint      NOT NULL CONSTRAINT rewards_cost_check CHECK (cost_points > 0),
    stock         int         CONSTRAINT rewards_stock_check CHECK (stock IS NULL OR stock >= 0),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE vouchers (
    id             uuid        PRIMARY KEY,
    serial         bigint      NOT NULL,
    customer_id    uuid        NOT NULL REFERENCES customers (id),
    reward_id      uuid        NOT NULL REFERENCES rewards (id),
    cost_points    bigint      NOT NULL CONSTRAINT vouchers_cost_check CHECK (cost_points > 0),
    status         text        NOT NULL CONSTRAINT vouchers_status_check CHECK (status IN ('ISSUED', 'HONOURED', 'CANCELLED')),
    request_key    text,
    issued_at      timestamptz NOT NULL,
    honoured_at    timestamptz,
    honoured_by    uuid        REFERENCES staff (id),
    cancelled_at   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vouchers_serial_key UNIQUE (serial),
    CONSTRAINT vouchers_customer_request_key UNIQUE (customer_id, request_key)
);
CREATE INDEX vouchers_customer_idx ON vouchers (customer_id, issued_at);
