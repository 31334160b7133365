-- One-time codes that join a member's chat accounts on two channels (/link on one, link <code> on the other),
-- and the wrong codes each chat account tried, to throttle guessing. A code goes with its member: a member
-- retired by a merge takes its codes along.
CREATE TABLE chat_link_codes (
    code          text        PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    channel       text        NOT NULL CONSTRAINT chat_link_codes_channel_check CHECK (channel IN ('TELEGRAM', 'WHATSAPP')),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_link_codes_expires_at_idx ON chat_link_codes (expires_at);

CREATE TABLE chat_link_failures (
    channel       text        NOT NULL,
    external_id   text        NOT NULL,
    failed_at     timestamptz NOT NULL
);
CREATE INDEX chat_link_failures_account_idx ON chat_link_failures (channel, external_id, failed_at);

-- WhatsApp's business-scoped user id (BSUID) of an identity keyed by its phone number (wa_id), so a later
-- message that carries only the BSUID finds the same member
ALTER TABLE channel_identities ADD COLUMN alias_id text;
CREATE UNIQUE INDEX channel_identities_channel_alias_id_key ON channel_identities (channel, alias_id)
    WHERE alias_id IS NOT NULL;
