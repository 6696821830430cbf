-- Warta's own tables as of release 0.1 (before Flyway): written with IF NOT EXISTS so that a database made by that
-- release, which has these tables but no Flyway history, is taken over in place (see docs/database.md).

-- One row per article (or rejected input): its latest outcome.
CREATE TABLE IF NOT EXISTS warta_article (
    id                VARCHAR(80)   PRIMARY KEY,
    source_path       VARCHAR(1024) NOT NULL,
    location          VARCHAR(64),
    content_hash      VARCHAR(64),
    status            VARCHAR(16)   NOT NULL,   -- translated | needs_review | failed | not_article | pending
    reason            TEXT,                     -- why it failed / is not an article / needs review
    source            VARCHAR(200),
    url               VARCHAR(2048),
    published_at      VARCHAR(40),
    dateline          VARCHAR(100),
    author            VARCHAR(300),
    language          VARCHAR(8),
    original_title    TEXT,
    original_text     TEXT,
    english_title     TEXT,
    english_text      TEXT,
    summary           TEXT,
    key_points        TEXT,                     -- JSON array of strings
    engine            VARCHAR(16),
    model             VARCHAR(200),
    quality           VARCHAR(16),
    quality_score     DOUBLE PRECISION,
    model_calls       INT           NOT NULL DEFAULT 0,
    prompt_tokens     BIGINT        NOT NULL DEFAULT 0,
    completion_tokens BIGINT        NOT NULL DEFAULT 0,
    failed_attempts   INT           NOT NULL DEFAULT 0,   -- consecutive failed attempts; 0 after a success
    cached            BOOLEAN       NOT NULL DEFAULT FALSE, -- the last run reused a stored translation
    run_id            BIGINT,                   -- warta_run.id of the run that last touched it
    run_date          DATE,
    document          TEXT          NOT NULL,   -- the JSON document written to output/<run date>/<id>.json
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX IF NOT EXISTS warta_article_run ON warta_article (run_id);
CREATE INDEX IF NOT EXISTS warta_article_run_date ON warta_article (run_date);
CREATE INDEX IF NOT EXISTS warta_article_status ON warta_article (status);

-- One row per run of the job (a restarted run keeps its row).
CREATE SEQUENCE IF NOT EXISTS warta_run_seq;

CREATE TABLE IF NOT EXISTS warta_run (
    id                BIGINT        PRIMARY KEY,
    run_date          DATE          NOT NULL,
    input_dir         VARCHAR(1024) NOT NULL,
    output_dir        VARCHAR(1024) NOT NULL,
    engine            VARCHAR(16),
    model             VARCHAR(200),
    status            VARCHAR(16)   NOT NULL,   -- running | completed | failed | stopped
    summary           TEXT,                     -- the JSON of output/<run date>/run.json
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ
);

-- Every translation an engine produced, keyed by what determines it (content, engine, model, prompt version,
-- target language). Written as soon as the engine returns, outside the chunk transaction, so a run killed before
-- its chunk committed does not pay for the same article again.
CREATE TABLE IF NOT EXISTS warta_translation (
    cache_key         VARCHAR(64)   PRIMARY KEY,
    article_id        VARCHAR(80)   NOT NULL,
    fingerprint       VARCHAR(400)  NOT NULL,
    translation       TEXT          NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL
);

-- At most one run at a time per database: the owner keeps its heartbeat fresh while it runs.
CREATE TABLE IF NOT EXISTS warta_lock (
    name              VARCHAR(32)   PRIMARY KEY,
    owner             VARCHAR(200),
    pid               BIGINT,
    host              VARCHAR(200),
    acquired_at       TIMESTAMPTZ,
    heartbeat_at      TIMESTAMPTZ
);
INSERT INTO warta_lock (name) VALUES ('run') ON CONFLICT (name) DO NOTHING;
