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
    item              CLOB          NOT NULL,   -- the Article or Rejected record as JSON
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
    reason            CLOB,                     -- why it failed, in one line
    started_at        TIMESTAMP WITH TIME ZONE,
    heartbeat_at      TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
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
    refilled_at       TIMESTAMP WITH TIME ZONE   NOT NULL,
    held_until        TIMESTAMP WITH TIME ZONE,
    circuit_run_id    BIGINT,                      -- the run whose breaker opened
    circuit_reason    CLOB
);

-- Scale-out needs a database that several processes share (PostgreSQL): on H2 a run with warta.partitions is
-- refused, and Spring Integration's channel table is not created here. The tables above exist on both databases
-- so that the schemas stay the same.
