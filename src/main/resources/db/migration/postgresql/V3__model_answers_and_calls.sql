-- The model endpoint: every paid answer kept, every call recorded as it happens.

-- Every usable answer of the model endpoint, keyed by its exact request (SHA-256 of the URL path and the request
-- body; never a header, so never the key). Committed the moment the answer arrives, so a retry, a restart or a
-- re-ask never pays for the same request twice. Written and read only by ModelAnswerRepository.
CREATE TABLE IF NOT EXISTS warta_model_answer (
    request_key       VARCHAR(64)   PRIMARY KEY,
    body              TEXT          NOT NULL,   -- the HTTP response body as the endpoint sent it
    created_at        TIMESTAMPTZ NOT NULL
);

-- One row per request sent to the model endpoint (and per answer reused instead), written before the request
-- goes out and completed when it ends: what a run paid for, even when its process was killed. run.json's call
-- and token totals are sums over these rows. Written and read only by ModelCallRepository.
CREATE TABLE IF NOT EXISTS warta_model_call (
    id                VARCHAR(36)   PRIMARY KEY,
    run_id            BIGINT,                   -- warta_run.id; a resumed run keeps its id
    sent_at           TIMESTAMPTZ NOT NULL,
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
