CREATE TABLE purchases (
    id             uuid        PRIMARY KEY,
    customer_id    uuid        NOT NULL REFERENCES customers (id),
    store_id       uuid        NOT NULL REFERENCES stores (id),
    receipt_no     text        NOT NULL,
    amount_minor   bigint      NOT NULL CONSTRAINT purchases_amount_check CHECK (amount_minor > 0),
    currency       char(3)     NOT NULL,
    points_earned  bigint      NOT NULL CONSTRAINT purchases_points_check CHECK (points_earned >= 0),
    tier_at_purchase text      NOT NULL,
    refunded_minor bigint      NOT NULL DEFAULT 0,
    points_reversed bigint     NOT NULL DEFAULT 0,
    balance_after  bigint      NOT NULL,
    tier_after     text        NOT NULL,
    cashier_id     uuid        REFERENCES staff (id),
    recorded_at    timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT purchases_store_receipt_key UNIQUE (store_id, receipt_no),
    CONSTRAINT purchases_refunded_check CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    CONSTRAINT purchases_points_reversed_check CHECK (points_reversed >= 0 AND points_reversed <= points_earned)
);
CREATE INDEX purchases_customer_idx ON purchases (customer_id, recorded_at);

CREATE TABLE purchase_items (
    purchase_id       uuid    NOT NULL REFERENCES purchases (id),
    line_no           int     NOT NULL,
    sku               text    NOT NULL,
    name              text,
    category          text,
    quantity          int     NOT NULL CONSTRAINT purchase_items_quantity_check CHECK (quantity > 0),
    unit_price_minor  bigint  NOT NULL CONSTRAINT purchase_items_unit_price_check CHECK (unit_price_minor >= 0),
    CONSTRAINT purchase_items_pkey PRIMARY KEY (purchase_id, line_no)
);

CREATE TABLE refunds (
    id               uuid        PRIMARY KEY,
    purchase_id      uuid        NOT NULL REFERENCES purchases (id),
    refund_no        text        NOT NULL,
    amount_minor     bigint      NOT NULL CONSTRAINT refunds_amount_check CHECK (amount_minor > 0),
    points_reversed  bigint      NOT NULL CONSTRAINT refunds_points_check CHECK (points_reversed >= 0),
    balance_after    bigint      NOT NULL,
    tier_after       text        NOT NULL,
    cashier_id       uuid        REFERENCES staff (id),
    refunded_at      timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refunds_purchase_refund_no_key UNIQUE (purchase_id, refund_no)
);
CREATE INDEX refunds_purchase_idx ON refunds (purchase_id);
