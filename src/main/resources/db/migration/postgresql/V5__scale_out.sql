-- Scale-out (docs/scale-out.md): a manager splits a run into partitions that worker processes on other hosts take.

-- What the manager read from the input folder, for the workers: one row per input item (an article or a rejected
-- input, as JSON), with the partition it belongs to. The manager alone reads the input files (so hostile-input
-- refusal stays in one place and a worker host needs no shared folder); a worker reads its partition's rows.
CREATE TABLE IF NOT EXISTS warta_work_item (
    run_id            BIGINT        NOT NULL,   -- warta_run.id
    input_key         VARCHAR(1100) NOT NULL,   -- source path + '#' + location: what a resumed partition skips
    partition_no      INT           NOT NULL,   -- stable: a hash of input_key, modulo the number of partitions
    seq               INT           NOT NULL,   -- input order within the run
    kind              VARCHAR(16)   NOT NULL,   -- article | rejected
    item              TEXT          NOT NULL,   -- the Article or Rejected record as JSON
    PRIMARY KEY (run_id, input_key)
);
CREATE INDEX IF NOT EXISTS warta_work_item_partition ON warta_work_item (run_id, partition_no, seq);

-- One row per partition of a run: which worker (host/pid) has it, its heartbeat, and how it ended. The manager
-- fails a partition whose worker stopped beating, so a restart runs it again; run.json lists these rows.
CREATE TABLE IF NOT EXISTS warta_partition (
    run_id            BIGINT        NOT NULL,
    partition_no      INT           NOT NULL,
    items             INT           NOT NULL,
    status            VARCHAR(16)   NOT NULL,   -- waiting | running | completed | failed | lost | stopped
    worker            VARCHAR(200),             -- host/pid of the worker that last ran it
    step_execution_id BIGINT,                   -- the Spring Batch step execution it ran under
    attempts          INT           NOT NULL DEFAULT 0,
    written           INT           NOT NULL DEFAULT 0,
    reason            TEXT,                     -- why it failed, in one line
    started_at        TIMESTAMPTZ,
    heartbeat_at      TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    PRIMARY KEY (run_id, partition_no)
);

-- Limits that belong to one endpoint, shared by every process that calls it: a token bucket for requests and one
-- for tokens per minute (levels may go into debt, like the in-process RateLimiter), a hold the provider asked for
-- (Retry-After), and the circuit breaker's verdict for a run. Updated in single statements, times from the
-- database's clock, so hosts with skewed clocks still agree.
CREATE TABLE IF NOT EXISTS warta_endpoint_limit (
    endpoint          VARCHAR(600)  PRIMARY KEY,   -- base URL and model
    request_level     DOUBLE PRECISION NOT NULL,
    token_level       DOUBLE PRECISION NOT NULL,
    refilled_at       TIMESTAMPTZ   NOT NULL,
    held_until        TIMESTAMPTZ,
    circuit_run_id    BIGINT,                      -- the run whose breaker opened
    circuit_reason    TEXT
);

-- Spring Integration's JDBC channel message store (spring-integration-jdbc 7.0, schema-postgresql.sql): the queue
-- that carries the partition requests from the manager to the workers. Only the channel table is used.
CREATE SEQUENCE IF NOT EXISTS INT_MESSAGE_SEQ START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE IF NOT EXISTS INT_CHANNEL_MESSAGE (
    MESSAGE_ID        CHAR(36)      NOT NULL,
    GROUP_KEY         CHAR(36)      NOT NULL,
    CREATED_DATE      BIGINT        NOT NULL,
    MESSAGE_PRIORITY  BIGINT,
    MESSAGE_SEQUENCE  BIGINT        NOT NULL DEFAULT nextval('INT_MESSAGE_SEQ'),
    MESSAGE_CONTENT   BYTEA,
    REGION            VARCHAR(100)  NOT NULL,
    CONSTRAINT INT_CHANNEL_MESSAGE_PK PRIMARY KEY (REGION, GROUP_KEY, CREATED_DATE, MESSAGE_SEQUENCE)
);
CREATE INDEX IF NOT EXISTS INT_CHANNEL_MSG_DELETE_IDX ON INT_CHANNEL_MESSAGE (REGION, GROUP_KEY, MESSAGE_ID);
