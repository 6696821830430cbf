package dev.warta.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code warta_partition} table: the partitions of a scale-out run, which worker (host/pid) runs or ran each,
 * its heartbeat and how it ended. The manager reads it to find dead workers and to report; workers write it.
 */
@Repository
public class PartitionRepository {

    private final JdbcTemplate jdbc;

    public PartitionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One partition of a run as the manager reports it. */
    public record Partition(int partition, int items, String status, String worker, int attempts, int written,
                            String reason, Long stepExecutionId, Instant heartbeatAt, String earlierFailures) {
    }

    /** Registers the partitions of a run, waiting for a worker (kept as they are when the run is resumed). */
    public void plan(long runId, int partition, int items) {
        int updated = jdbc.update("UPDATE warta_partition SET items = ? WHERE run_id = ? AND partition_no = ?",
                items, runId, partition);
        if (updated == 0) {
            jdbc.update("INSERT INTO warta_partition (run_id, partition_no, items, status) VALUES (?, ?, ?, 'waiting')",
                    runId, partition, items);
        }
    }

    /**
     * A worker has taken the partition, under this step execution. Why an earlier attempt ended (its worker was lost,
     * the endpoint failed) moves to {@code earlier_failures}, so that the run's report still says so.
     */
    public void claim(long runId, int partition, String worker, long stepExecutionId) {
        // the database's clock, not the worker's: the manager on another host compares heartbeats with it
        jdbc.update("""
                UPDATE warta_partition SET status = 'running', worker = ?, step_execution_id = ?,
                    earlier_failures = CASE WHEN reason IS NULL OR attempts = 0 THEN earlier_failures
                        ELSE COALESCE(earlier_failures || '; ', '') || 'attempt ' || CAST(attempts AS VARCHAR(10))
                            || ': ' || reason END,
                    attempts = attempts + 1, reason = NULL, started_at = CURRENT_TIMESTAMP,
                    heartbeat_at = CURRENT_TIMESTAMP, finished_at = NULL
                WHERE run_id = ? AND partition_no = ?""", worker, stepExecutionId, runId, partition);
    }

    /**
     * The worker is alive and has written {@code written} items. Returns false when the partition is no longer this
     * step execution's (the manager gave it up for lost and a restart gave it to another): the worker must stop.
     */
    public boolean beat(long runId, int partition, long stepExecutionId, long written) {
        return jdbc.update("""
                UPDATE warta_partition SET heartbeat_at = CURRENT_TIMESTAMP, written = ?
                WHERE run_id = ? AND partition_no = ? AND step_execution_id = ? AND status = 'running'""",
                written, runId, partition, stepExecutionId) == 1;
    }

    /** The worker ended the partition: {@code completed}, {@code failed} or {@code stopped}. */
    public void finish(long runId, int partition, long stepExecutionId, String status, long written, String reason) {
        jdbc.update("""
                UPDATE warta_partition SET status = ?, written = ?, reason = ?, finished_at = CURRENT_TIMESTAMP,
                    heartbeat_at = CURRENT_TIMESTAMP
                WHERE run_id = ? AND partition_no = ? AND step_execution_id = ? AND status <> 'lost'""",
                status, written, reason, runId, partition, stepExecutionId);
    }

    /**
     * Partitions of the run whose worker has not beaten for {@code timeout}: marked {@code lost}, with the reason,
     * and returned, so that the manager fails their step executions.
     */
    public List<Partition> takeLost(long runId, Duration timeout, String reason) {
        Timestamp databaseNow = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class);
        List<Partition> lost = jdbc.query(SELECT + " WHERE run_id = ? AND status = 'running' AND heartbeat_at < ?",
                ROW, runId, Timestamp.from(databaseNow.toInstant().minus(timeout)));
        for (Partition partition : lost) {
            jdbc.update("""
                    UPDATE warta_partition SET status = 'lost', reason = ?, finished_at = CURRENT_TIMESTAMP
                    WHERE run_id = ? AND partition_no = ? AND step_execution_id = ? AND status = 'running'""",
                    reason.replace("{worker}", String.valueOf(partition.worker())), runId, partition.partition(), partition.stepExecutionId());
        }
        return lost;
    }

    /** Partitions of the run that a worker runs and has proven alive within {@code timeout}, by the database's clock. */
    public List<Partition> runningAlive(long runId, Duration timeout) {
        Timestamp databaseNow = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class);
        return jdbc.query(SELECT + " WHERE run_id = ? AND status = 'running' AND heartbeat_at >= ? ORDER BY partition_no",
                ROW, runId, Timestamp.from(databaseNow.toInstant().minus(timeout)));
    }

    /** Whether a partition of the run ended interrupted by its worker's trouble (its database connections broke). */
    public boolean anyInterrupted(long runId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM warta_partition WHERE run_id = ? AND status = "
                + "'interrupted'", Integer.class, runId);
        return count != null && count > 0;
    }

    public List<Partition> ofRun(long runId) {
        return jdbc.query(SELECT + " WHERE run_id = ? ORDER BY partition_no", ROW, runId);
    }

    private static final String SELECT = "SELECT partition_no, items, status, worker, attempts, written, reason, "
            + "step_execution_id, heartbeat_at, earlier_failures FROM warta_partition";

    private static final org.springframework.jdbc.core.RowMapper<Partition> ROW = (rs, row) -> {
        Timestamp heartbeat = rs.getTimestamp("heartbeat_at");
        long stepExecution = rs.getLong("step_execution_id");
        Long stepExecutionId = rs.wasNull() ? null : stepExecution;
        return new Partition(rs.getInt("partition_no"), rs.getInt("items"), rs.getString("status"),
                rs.getString("worker"), rs.getInt("attempts"), rs.getInt("written"), rs.getString("reason"),
                stepExecutionId, heartbeat == null ? null : heartbeat.toInstant(), rs.getString("earlier_failures"));
    };
}
