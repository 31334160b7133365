-- A general audit trail: who did what to which entity, when. Writers insert their row in the same statement or
-- transaction as the change itself, so a change is never without its audit row. actor_id is null for the
-- service's own scheduled work.
CREATE TABLE audit_log (
    id           uuid        PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor_id     uuid        REFERENCES staff (id),
    action       text        NOT NULL CONSTRAINT audit_log_action_check CHECK (length(action) BETWEEN 1 AND 64),
    entity_type  text        NOT NULL CONSTRAINT audit_log_entity_type_check CHECK (length(entity_type) BETWEEN 1 AND 64),
    entity_id    text,
    details      jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Saved, named filters over members (who a marketer reaches); evaluated in SQL whenever used, never cached.
CREATE TABLE segments (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CONSTRAINT segments_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    filter      jsonb       NOT NULL,
    created_by  uuid        REFERENCES staff (id),
    created_at  timestamptz NOT NULL,
    updated_by  uuid        REFERENCES staff (id),
    updated_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX segments_name_key ON segments (lower(name));

-- Each member's RFM quintiles and class and churn risk, as of the last recompute. No row: never scored (no
-- purchase at all, or no recompute yet).
CREATE TABLE customer_scores (
    customer_id      uuid        PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    recency_score    smallint    CONSTRAINT customer_scores_recency_check CHECK (recency_score BETWEEN 1 AND 5),
    frequency_score  smallint    CONSTRAINT customer_scores_frequency_check CHECK (frequency_score BETWEEN 1 AND 5),
    monetary_score   smallint    CONSTRAINT customer_scores_monetary_check CHECK (monetary_score BETWEEN 1 AND 5),
    rfm_class        text,
    churn_risk       text        CONSTRAINT customer_scores_churn_risk_check CHECK (churn_risk IN ('LOW', 'MEDIUM', 'HIGH')),
    computed_at      timestamptz NOT NULL
);
CREATE INDEX customer_scores_rfm_class_idx ON customer_scores (rfm_class);
CREATE INDEX customer_scores_churn_risk_idx ON customer_scores (churn_risk);

-- One row per recompute of customer_scores. A scheduled run carries the start of its period, unique, so N
-- instances run each period once; runs on demand carry none.
CREATE TABLE customer_score_runs (
    id            uuid        PRIMARY KEY,
    period_start  timestamptz,
    actor_id      uuid        REFERENCES staff (id),
    started_at    timestamptz NOT NULL,
    scored        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT customer_score_runs_period_start_key UNIQUE (period_start)
);

-- the line items a "bought a category or SKU" filter and the favourite category read
CREATE INDEX purchase_items_category_idx ON purchase_items (category) WHERE category IS NOT NULL;
CREATE INDEX purchase_items_sku_idx ON purchase_items (sku);
