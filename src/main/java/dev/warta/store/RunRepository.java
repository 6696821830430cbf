package dev.warta.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code warta_run} table: one row per run with its settings and, when it ends, its summary. */
@Repository
public class RunRepository {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public RunRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public long start(LocalDate runDate, String input, String output, String engine, String model) {
        Long id = jdbc.queryForObject(dialect.nextValue("warta_run_seq"), Long.class);
        jdbc.update("""
                INSERT INTO warta_run (id, run_date, input_dir, output_dir, engine, model, status, started_at)
                VALUES (?, ?, ?, ?, ?, ?, 'running', ?)""",
                id, Date.valueOf(runDate), input, output, engine, model, Timestamp.from(Instant.now()));
        return id;
    }

    /**
     * The latest run over the same input, output and date that did not complete (it failed, was stopped, or was
     * killed while running): the run to resume.
     */
    public Optional<Long> findResumable(LocalDate runDate, String input, String output) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT id, status FROM warta_run WHERE run_date = ? AND input_dir = ? AND output_dir = ?
                ORDER BY id DESC LIMIT 1""", Date.valueOf(runDate), input, output);
        if (rows.isEmpty() || "completed".equals(rows.get(0).get("STATUS"))) {
            return Optional.empty();
        }
        return Optional.of(((Number) rows.get(0).get("ID")).longValue());
    }

    public void markRunning(long id) {
        jdbc.update("UPDATE warta_run SET status = 'running', finished_at = NULL WHERE id = ?", id);
    }

    public void finish(long id, String status, String summaryJson) {
        jdbc.update("UPDATE warta_run SET status = ?, summary = ?, finished_at = ? WHERE id = ?",
                status, summaryJson, Timestamp.from(Instant.now()), id);
    }
}
