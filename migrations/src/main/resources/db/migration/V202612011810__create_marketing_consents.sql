-- Whether a chat account takes marketing messages (broadcasts, promotions) on its channel, with when and how it
-- last changed: STOP or START typed in the chat, or WhatsApp's own "stop marketing messages" setting (the
-- user_preferences webhook). No row: never opted out. The member's own purchase, points and voucher notices do
-- not depend on it.
CREATE TABLE marketing_consents (
    channel      text        NOT NULL CONSTRAINT marketing_consents_channel_check CHECK (channel IN ('TELEGRAM', 'WHATSAPP')),
    external_id  text        NOT NULL CONSTRAINT marketing_consents_external_id_check CHECK (length(external_id) BETWEEN 1 AND 256),
    opted_out    boolean     NOT NULL,
    source       text        NOT NULL CONSTRAINT marketing_consents_source_check CHECK (length(source) BETWEEN 1 AND 64),
    changed_at   timestamptz NOT NULL,
    CONSTRAINT marketing_consents_pkey PRIMARY KEY (channel, external_id)
);
