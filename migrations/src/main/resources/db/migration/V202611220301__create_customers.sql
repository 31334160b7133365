CREATE TABLE customers (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL,
    phone           text,
    language        text        NOT NULL DEFAULT 'en',
    home_store_id   uuid        REFERENCES stores (id),
    referral_code   text        NOT NULL,
    referred_by     uuid        REFERENCES customers (id),
    status          text        NOT NULL DEFAULT 'ACTIVE' CONSTRAINT customers_status_check CHECK (status IN ('ACTIVE', 'BLOCKED')),
    card_number     bigint      NOT NULL,
    tier            text        NOT NULL DEFAULT 'BRONZE',
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customers_phone_key UNIQUE (phone),
    CONSTRAINT customers_referral_code_key UNIQUE (referral_code),
    CONSTRAINT customers_card_number_key UNIQUE (card_number),
    CONSTRAINT customers_phone_check CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{6,14}$'),
    CONSTRAINT customers_not_self_referred_check CHECK (referred_by IS NULL OR referred_by <> id)
);

CREATE TABLE channel_identities (
    id            uuid        PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customers (id),
    channel       text        NOT NULL CONSTRAINT channel_identities_channel_check CHECK (channel IN ('TELEGRAM', 'WHATSAPP')),
    external_id   text        NOT NULL,
    chat_id       text        NOT NULL,
    reachable     boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT channel_identities_channel_external_id_key UNIQUE (channel, external_id)
);
CREATE INDEX channel_identities_customer_idx ON channel_identities (customer_id);

CREATE TABLE tier_changes (
    id            uuid        PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customers (id),
    from_tier     text        NOT NULL,
    to_tier       text        NOT NULL,
    net_spend_minor bigint    NOT NULL,
    cause_type    text        NOT NULL,
    cause_id      text        NOT NULL,
    changed_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tier_changes_customer_idx ON tier_changes (customer_id, changed_at);
