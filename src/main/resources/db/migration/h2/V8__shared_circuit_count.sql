-- The circuit breaker's count of consecutive failed calls, shared by every process of a scale-out run
-- (docs/scale-out.md): with a count per process, W workers could send W times the threshold of failing calls
-- before the run's verdict stopped them; with one count the run stops after the threshold plus the calls in flight.
-- Kept per run: a new run, or the manager starting the job again, starts from zero.
ALTER TABLE warta_endpoint_limit ADD COLUMN IF NOT EXISTS failures_run_id BIGINT;               -- the run counted
ALTER TABLE warta_endpoint_limit ADD COLUMN IF NOT EXISTS consecutive_failures INT NOT NULL DEFAULT 0;

-- Why the earlier attempts of a partition did not complete ("attempt 1: worker host/42 stopped answering …"): a
-- partition run again by another worker ends completed, and run.json and the end table still say it failed once.
-- Inline text, not CLOB (V7).
ALTER TABLE warta_partition ADD COLUMN IF NOT EXISTS earlier_failures CHARACTER VARYING;
