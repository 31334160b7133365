-- WhatsApp message templates as last synced from the Graph API (GET /<WABA id>/message_templates). A template is
-- one (name, language) pair at Meta; a row is never deleted, so a broadcast can always name what it used: one that
-- a sync no longer lists gets gone_at and cannot be used until it is listed again. Only status APPROVED (and not
-- gone) may be sent.
CREATE TABLE whatsapp_templates (
    id                uuid        PRIMARY KEY,
    external_id       text        NOT NULL CONSTRAINT whatsapp_templates_external_id_check CHECK (length(external_id) BETWEEN 1 AND 64),
    name              text        NOT NULL CONSTRAINT whatsapp_templates_name_check CHECK (name ~ '^[a-z0-9_]+$' AND length(name) <= 512),
    language          text        NOT NULL CONSTRAINT whatsapp_templates_language_check CHECK (length(language) BETWEEN 2 AND 16),
    category          text        NOT NULL,
    status            text        NOT NULL,
    parameter_format  text        NOT NULL CONSTRAINT whatsapp_templates_parameter_format_check CHECK (parameter_format IN ('POSITIONAL', 'NAMED')),
    components        jsonb       NOT NULL,
    synced_at         timestamptz NOT NULL,
    gone_at           timestamptz,
    created_at        timestamptz NOT NULL,
    CONSTRAINT whatsapp_templates_name_language_key UNIQUE (name, language)
);

-- Telegram has no templates of its own: marketers write them in Punchcard, per language, in the engine's neutral
-- mark-up, with the same {{placeholder}} syntax as WhatsApp's named parameters.
CREATE TABLE telegram_templates (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CONSTRAINT telegram_templates_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    texts       jsonb       NOT NULL,
    image       text        NOT NULL CONSTRAINT telegram_templates_image_check CHECK (image IN ('NONE', 'MEMBER_CARD', 'CAMPAIGN_VOUCHER')),
    buttons     jsonb       NOT NULL DEFAULT '[]',
    created_by  uuid        REFERENCES staff (id),
    created_at  timestamptz NOT NULL,
    updated_by  uuid        REFERENCES staff (id),
    updated_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX telegram_templates_name_key ON telegram_templates (lower(name));
