-- Warta's own tables, separate from Spring Batch's BATCH_* metadata. Runs at every start; must stay idempotent.

-- One row per article (or rejected input): its latest outcome.
CREATE TABLE IF NOT EXISTS warta_article (
    id                VARCHAR(80)   PRIMARY KEY,
    source_path       VARCHAR(1024) NOT NULL,
    location          VARCHAR(64),
    content_hash      VARCHAR(64),
    status            VARCHAR(16)   NOT NULL,   -- translated | needs_review | failed | not_article | pending
    reason            CLOB,                     -- why it failed / is not an article / needs review
    source            VARCHAR(200),
    url               VARCHAR(2048),
    published_at      VARCHAR(40),
    dateline          VARCHAR(100),
    author            VARCHAR(300),
    language          VARCHAR(8),
    original_title    CLOB,
    original_text     CLOB,
    english_title     CLOB,
    english_text      CLOB,
    summary           CLOB,
    key_points        CLOB,                     -- JSON array of strings
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
    document          CLOB          NOT NULL,   -- the JSON document written to output/<run date>/<id>.json
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
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
    summary           CLOB,                     -- the JSON of output/<run date>/run.json
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE
);

-- Every translation an engine produced, keyed by what determines it (content, engine, model, prompt version,
-- target language). Written as soon as the engine returns, outside the chunk transaction, so a run killed before
-- its chunk committed does not pay for the same article again.
CREATE TABLE IF NOT EXISTS warta_translation (
    cache_key         VARCHAR(64)   PRIMARY KEY,
    article_id        VARCHAR(80)   NOT NULL,
    fingerprint       VARCHAR(400)  NOT NULL,
    translation       CLOB          NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- At most one run at a time per database: the owner keeps its heartbeat fresh while it runs.
CREATE TABLE IF NOT EXISTS warta_lock (
    name              VARCHAR(32)   PRIMARY KEY,
    owner             VARCHAR(200),
    pid               BIGINT,
    host              VARCHAR(200),
    acquired_at       TIMESTAMP WITH TIME ZONE,
    heartbeat_at      TIMESTAMP WITH TIME ZONE
);
MERGE INTO warta_lock (name) KEY (name) VALUES ('run');

-- ===== The model endpoint: answers kept, calls recorded (issue 11). Portable SQL, no H2-only syntax. =====

-- Every usable answer of the model endpoint, keyed by its exact request (SHA-256 of the URL path and the request
-- body; never a header, so never the key). Committed the moment the answer arrives, so a retry, a restart or a
-- re-ask never pays for the same request twice. Written and read only by ModelAnswerRepository.
CREATE TABLE IF NOT EXISTS warta_model_answer (
    request_key       VARCHAR(64)   PRIMARY KEY,
    body              CLOB          NOT NULL,   -- the HTTP response body as the endpoint sent it
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per request sent to the model endpoint (and per answer reused instead), written before the request
-- goes out and completed when it ends: what a run paid for, even when its process was killed. run.json's call
-- and token totals are sums over these rows. Written and read only by ModelCallRepository.
CREATE TABLE IF NOT EXISTS warta_model_call (
    id                VARCHAR(36)   PRIMARY KEY,
    run_id            BIGINT,                   -- warta_run.id; a resumed run keeps its id
    sent_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    attempt           INT           NOT NULL,   -- 0 for the first try of a request, 1.. for its retries
    outcome           VARCHAR(16)   NOT NULL,   -- sent (no end seen: the process died) | answered | unparseable
                                                -- | http_error | timeout | io_error | unreachable | reused
    http_status       INT,
    prompt_tokens     BIGINT        NOT NULL,
    completion_tokens BIGINT        NOT NULL,
    tokens_estimated  BOOLEAN       NOT NULL,   -- the answer stated no usage we could read: our estimate
    latency_ms        BIGINT
);

CREATE INDEX IF NOT EXISTS warta_model_call_run ON warta_model_call (run_id);
