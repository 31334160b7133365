-- A broadcast: one message to every member of a segment, on the channel its policy picks for each member, with
-- the template (and what fills its parameters) per channel. An optional schedule starts it later; optional quiet
-- hours (local times in its time zone) hold its sending back every day. A deleted segment leaves segment_id null:
-- a broadcast that has not started then cannot start.
CREATE TABLE broadcasts (
    id                    uuid        PRIMARY KEY,
    name                  text        NOT NULL CONSTRAINT broadcasts_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    segment_id            uuid        REFERENCES segments (id) ON DELETE SET NULL,
    channel_policy        text        NOT NULL CONSTRAINT broadcasts_channel_policy_check
                                          CHECK (channel_policy IN ('WHATSAPP_ONLY', 'TELEGRAM_ONLY', 'PREFERRED_WITH_FALLBACK')),
    whatsapp_template_id  uuid        REFERENCES whatsapp_templates (id),
    whatsapp_use          jsonb,
    -- Telegram templates can be deleted; a broadcast whose template is gone is paused with that reason
    telegram_template_id  uuid,
    telegram_use          jsonb,
    scheduled_at          timestamptz,
    time_zone             text        NOT NULL CONSTRAINT broadcasts_time_zone_check CHECK (length(time_zone) BETWEEN 1 AND 64),
    quiet_from            time,
    quiet_until           time,
    state                 text        NOT NULL CONSTRAINT broadcasts_state_check
                                          CHECK (state IN ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'CANCELLED', 'COMPLETED')),
    pause_reason          text        CONSTRAINT broadcasts_pause_reason_check CHECK (length(pause_reason) BETWEEN 1 AND 1000),
    created_by            uuid        REFERENCES staff (id),
    created_at            timestamptz NOT NULL,
    updated_by            uuid        REFERENCES staff (id),
    updated_at            timestamptz NOT NULL,
    started_at            timestamptz,
    completed_at          timestamptz,
    CONSTRAINT broadcasts_whatsapp_check CHECK ((whatsapp_template_id IS NULL) = (whatsapp_use IS NULL)),
    CONSTRAINT broadcasts_telegram_check CHECK ((telegram_template_id IS NULL) = (telegram_use IS NULL)),
    CONSTRAINT broadcasts_policy_templates_check CHECK (
        (channel_policy = 'WHATSAPP_ONLY' AND whatsapp_template_id IS NOT NULL AND telegram_template_id IS NULL)
        OR (channel_policy = 'TELEGRAM_ONLY' AND telegram_template_id IS NOT NULL AND whatsapp_template_id IS NULL)
        OR (channel_policy = 'PREFERRED_WITH_FALLBACK' AND whatsapp_template_id IS NOT NULL AND telegram_template_id IS NOT NULL)),
    CONSTRAINT broadcasts_quiet_hours_check CHECK ((quiet_from IS NULL AND quiet_until IS NULL)
        OR (quiet_from IS NOT NULL AND quiet_until IS NOT NULL AND quiet_from <> quiet_until)),
    CONSTRAINT broadcasts_scheduled_check CHECK (state <> 'SCHEDULED' OR scheduled_at IS NOT NULL),
    CONSTRAINT broadcasts_paused_check CHECK ((state = 'PAUSED') = (pause_reason IS NOT NULL)),
    CONSTRAINT broadcasts_started_check CHECK (state IN ('DRAFT', 'SCHEDULED', 'CANCELLED') OR started_at IS NOT NULL),
    CONSTRAINT broadcasts_completed_check CHECK ((state = 'COMPLETED') = (completed_at IS NOT NULL))
);
CREATE INDEX broadcasts_created_idx ON broadcasts (created_at DESC, id DESC);
-- what the schedule looks at: scheduled ones coming due, running ones to complete or pause
CREATE INDEX broadcasts_scheduled_idx ON broadcasts (scheduled_at) WHERE state = 'SCHEDULED';
CREATE INDEX broadcasts_running_idx ON broadcasts (id) WHERE state = 'RUNNING';

-- Every member of a started broadcast, once: the channel and chat chosen for them when the audience was
-- materialised (none for NO_CHANNEL), and what became of the message. status_rank only grows
-- (SENT 1 < DELIVERED 2 < READ 3 < FAILED 4), whatever order the platform's statuses arrive in.
CREATE TABLE broadcast_recipients (
    id            bigserial   PRIMARY KEY,
    broadcast_id  uuid        NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    customer_id   uuid        NOT NULL REFERENCES customers (id),
    channel       text        CONSTRAINT broadcast_recipients_channel_check CHECK (channel IN ('TELEGRAM', 'WHATSAPP')),
    chat_id       text,
    language      text        NOT NULL,
    state         text        NOT NULL CONSTRAINT broadcast_recipients_state_check
                                  CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED', 'CANCELLED')),
    skip_reason   text        CONSTRAINT broadcast_recipients_skip_reason_check
                                  CHECK (skip_reason IN ('OPTED_OUT', 'UNREACHABLE', 'NO_CHANNEL')),
    message_id    text        CONSTRAINT broadcast_recipients_message_id_check CHECK (length(message_id) BETWEEN 1 AND 256),
    error_code    text        CONSTRAINT broadcast_recipients_error_code_check CHECK (length(error_code) <= 64),
    error_reason  text        CONSTRAINT broadcast_recipients_error_reason_check CHECK (length(error_reason) <= 1000),
    attempts      integer     NOT NULL DEFAULT 0 CONSTRAINT broadcast_recipients_attempts_check CHECK (attempts >= 0),
    status_rank   smallint    NOT NULL DEFAULT 0 CONSTRAINT broadcast_recipients_status_rank_check CHECK (status_rank BETWEEN 0 AND 4),
    due_at        timestamptz NOT NULL,
    lease_until   timestamptz,
    sent_at       timestamptz,
    delivered_at  timestamptz,
    read_at       timestamptz,
    failed_at     timestamptz,
    CONSTRAINT broadcast_recipients_broadcast_customer_key UNIQUE (broadcast_id, customer_id),
    CONSTRAINT broadcast_recipients_skipped_check CHECK ((state = 'SKIPPED') = (skip_reason IS NOT NULL)),
    CONSTRAINT broadcast_recipients_no_channel_check CHECK (channel IS NOT NULL OR (state = 'SKIPPED' AND skip_reason = 'NO_CHANNEL')),
    CONSTRAINT broadcast_recipients_chat_check CHECK ((channel IS NULL) = (chat_id IS NULL)),
    CONSTRAINT broadcast_recipients_lease_check CHECK ((state = 'SENDING') = (lease_until IS NOT NULL)),
    CONSTRAINT broadcast_recipients_sent_check CHECK (state NOT IN ('SENT', 'DELIVERED', 'READ') OR (message_id IS NOT NULL AND sent_at IS NOT NULL))
);
-- the claim: due queued recipients per channel, and claims whose lease ended
CREATE INDEX broadcast_recipients_queued_idx ON broadcast_recipients (channel, due_at) WHERE state = 'QUEUED';
CREATE INDEX broadcast_recipients_sending_idx ON broadcast_recipients (channel, lease_until) WHERE state = 'SENDING';
-- statuses and button replies find their recipient by the platform's message id
CREATE UNIQUE INDEX broadcast_recipients_message_key ON broadcast_recipients (channel, message_id) WHERE message_id IS NOT NULL;
-- a broadcast's recipients by state, keyset-paged; its counts; its rate now
CREATE INDEX broadcast_recipients_broadcast_state_idx ON broadcast_recipients (broadcast_id, state, id);
CREATE INDEX broadcast_recipients_sent_at_idx ON broadcast_recipients (broadcast_id, sent_at) WHERE sent_at IS NOT NULL;

-- Button replies to broadcast messages, counted once per recipient and button.
CREATE TABLE broadcast_button_replies (
    recipient_id  bigint      NOT NULL REFERENCES broadcast_recipients (id) ON DELETE CASCADE,
    button        text        NOT NULL CONSTRAINT broadcast_button_replies_button_check CHECK (length(button) BETWEEN 1 AND 256),
    replied_at    timestamptz NOT NULL,
    CONSTRAINT broadcast_button_replies_pkey PRIMARY KEY (recipient_id, button)
);
