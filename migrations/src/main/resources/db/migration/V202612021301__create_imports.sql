-- CSV imports of members and purchases: one row per uploaded file with its progress, written by the instance that
-- runs it after every chunk of rows (any instance answers how far it is); a RUNNING import whose heartbeat is older
-- than the stale timeout was left by an instance that died, and is marked INTERRUPTED by whichever instance looks
-- first (re-uploading the file is safe: every row is idempotent).
CREATE TABLE imports (
    id            uuid        PRIMARY KEY,
    kind          text        NOT NULL CONSTRAINT imports_kind_check CHECK (kind IN ('MEMBERS', 'PURCHASES')),
    state         text        NOT NULL CONSTRAINT imports_state_check
                                  CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED')),
    historical    boolean     NOT NULL DEFAULT false,
    file_bytes    bigint      NOT NULL CONSTRAINT imports_file_bytes_check CHECK (file_bytes >= 0),
    bytes_read    bigint      NOT NULL DEFAULT 0,
    rows_read     bigint      NOT NULL DEFAULT 0,
    accepted      bigint      NOT NULL DEFAULT 0,
    unchanged     bigint      NOT NULL DEFAULT 0,
    rejected      bigint      NOT NULL DEFAULT 0,
    failure       text,
    started_at    timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL,
    finished_at   timestamptz,
    created_by    uuid,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX imports_started_idx ON imports (started_at DESC);
CREATE INDEX imports_running_idx ON imports (heartbeat_at) WHERE state = 'RUNNING';

-- The lines of an import's file that were refused, with why (a line is refused once per import).
CREATE TABLE import_rejections (
    import_id   uuid   NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    line_no     bigint NOT NULL,
    reason      text   NOT NULL,
    CONSTRAINT import_rejections_pkey PRIMARY KEY (import_id, line_no)
);
