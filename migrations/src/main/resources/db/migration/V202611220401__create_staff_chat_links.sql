-- One-time, expiring codes an administrator hands to a staff member to bind their chat account (/start staff-<code>).
CREATE TABLE staff_link_codes (
    code         text        PRIMARY KEY,
    staff_id     uuid        NOT NULL REFERENCES staff (id),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_chat_identities (
    channel      text        NOT NULL CONSTRAINT staff_chat_identities_channel_check CHECK (channel IN ('TELEGRAM', 'WHATSAPP')),
    external_id  text        NOT NULL,
    staff_id     uuid        NOT NULL REFERENCES staff (id),
    chat_id      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT staff_chat_identities_pkey PRIMARY KEY (channel, external_id)
);
