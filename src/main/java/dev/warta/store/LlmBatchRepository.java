package dev.warta.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code warta_llm_batch} table: the batches submitted to the endpoint's Batch API. Every change is committed in
 * a transaction of its own the moment it is known (an id, a status), never with a chunk: the ids are what keeps a
 * restarted run from uploading and paying again.
 */
@Repository
public class LlmBatchRepository {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public LlmBatchRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One batch as recorded. Times are null until they happened. */
    public record Batch(long id, long runId, String inputFileId, String batchId, String resubmits, String status,
                        int requestCount, int completedCount, int failedCount, Integer answered, long promptTokens,
                        long completionTokens, String note, Instant uploadedAt, Instant createdAt, Instant endedAt,
                        Instant collectedAt) {

        public boolean collected() {
            return collectedAt != null;
        }
    }

    /** The input file is uploaded: recorded before the batch is created, so a restart never uploads it again. */
    public long uploaded(long runId, String inputFileId, int requestCount, String resubmits) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        ownTransaction.executeWithoutResult(status -> jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO warta_llm_batch (run_id, input_file_id, resubmits, status, request_count,
                        completed_count, failed_count, prompt_tokens, completion_tokens, uploaded_at)
                    VALUES (?, ?, ?, 'uploaded', ?, 0, 0, 0, 0, ?)""", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, runId);
            insert.setString(2, inputFileId);
            insert.setString(3, resubmits);
            insert.setInt(4, requestCount);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            return insert;
        }, key));
        // H2 names the generated column ID, PostgreSQL returns every column in lower case
        return key.getKeys().entrySet().stream().filter(column -> column.getKey().equalsIgnoreCase("id"))
                .map(column -> ((Number) column.getValue()).longValue()).findFirst().orElseThrow();
    }

    public void created(long id, String batchId, String status) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "UPDATE warta_llm_batch SET batch_id = ?, status = ?, created_at = ? WHERE id = ?",
                batchId, status, Timestamp.from(Instant.now()), id));
    }

    /** The provider's view, as last seen; the end time once it has ended. */
    public void seen(long id, String status, int completed, int failed, String outputFileId, String errorFileId,
                     boolean ended, String note) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("""
                UPDATE warta_llm_batch SET status = ?, completed_count = ?, failed_count = ?, output_file_id = ?,
                    error_file_id = ?, ended_at = CASE WHEN ? AND ended_at IS NULL THEN ? ELSE ended_at END,
                    note = COALESCE(?, note)
                WHERE id = ?""", status, completed, failed, outputFileId, errorFileId, ended,
                Timestamp.from(Instant.now()), note, id));
    }

    /** Its answers are kept: it needs nothing more. */
    public void collected(long id, int answered, long promptTokens, long completionTokens) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("""
                UPDATE warta_llm_batch SET answered = ?, prompt_tokens = ?, completion_tokens = ?, collected_at = ?
                WHERE id = ?""", answered, promptTokens, completionTokens, Timestamp.from(Instant.now()), id));
    }

    /** Why Warta left it (a deadline, a batch that failed as a whole). */
    public void note(long id, String note) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE warta_llm_batch SET note = ? WHERE id = ?",
                note, id));
    }

    /** Batches of any run whose answers are not kept yet, oldest first: each must be waited for, not bought again. */
    public List<Batch> uncollected() {
        return jdbc.query("SELECT * FROM warta_llm_batch WHERE collected_at IS NULL ORDER BY id", BATCH);
    }

    public List<Batch> ofRun(long runId) {
        return jdbc.query("SELECT * FROM warta_llm_batch WHERE run_id = ? ORDER BY id", BATCH, runId);
    }

    public Optional<Batch> find(long id) {
        return jdbc.query("SELECT * FROM warta_llm_batch WHERE id = ?", BATCH, id).stream().findFirst();
    }

    private static final RowMapper<Batch> BATCH = (rs, row) -> new Batch(rs.getLong("id"), rs.getLong("run_id"),
            rs.getString("input_file_id"), rs.getString("batch_id"), rs.getString("resubmits"),
            rs.getString("status"), rs.getInt("request_count"), rs.getInt("completed_count"),
            rs.getInt("failed_count"), (Integer) rs.getObject("answered", Integer.class), rs.getLong("prompt_tokens"),
            rs.getLong("completion_tokens"), rs.getString("note"), instant(rs, "uploaded_at"),
            instant(rs, "created_at"), instant(rs, "ended_at"), instant(rs, "collected_at"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
