CREATE TABLE stores (
    id          uuid        PRIMARY KEY,
    code        text        NOT NULL,
    name        text        NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stores_code_key UNIQUE (code),
    CONSTRAINT stores_code_check CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$')
);

CREATE TABLE staff (
    id             uuid        PRIMARY KEY,
    username       text        NOT NULL,
    password_hash  text        NOT NULL,
    role           text        NOT NULL CONSTRAINT staff_role_check CHECK (role IN ('ADMIN', 'MARKETER', 'CASHIER')),
    store_id       uuid        REFERENCES stores (id),
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text,
    CONSTRAINT staff_username_key UNIQUE (username),
    CONSTRAINT staff_cashier_store_check CHECK (role <> 'CASHIER' OR store_id IS NOT NULL)
);
