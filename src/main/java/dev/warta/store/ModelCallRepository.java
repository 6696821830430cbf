package dev.warta.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code warta_model_call} table: one row per request sent to the model endpoint, written before it goes out
 * and completed when it ends, each in a transaction of its own (or a savepoint of the call log's group commit, see
 * {@code RunCallLog}, committed before the caller goes on). A run's call and token totals are sums over its rows,
 * so the calls of a process that was killed count in the summary of the run that resumes it.
 */
@Repository
public class ModelCallRepository {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    /** A transaction of its own, unless the caller's is under way: a call's end commits with its kept answer. */
    private final TransactionTemplate callersOrOwnTransaction;

    public ModelCallRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // a new transaction, or a savepoint of the group commit under way on the call log's thread
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.callersOrOwnTransaction = new TransactionTemplate(transactionManager);
        this.callersOrOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** A request about to be sent; returns the id of its row. */
    public String sending(Long runId, int attempt) {
        String id = UUID.randomUUID().toString();
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO warta_model_call (id, run_id, sent_at, attempt, outcome, prompt_tokens, completion_tokens,
                    tokens_estimated)
                VALUES (?, ?, ?, ?, 'sent', 0, 0, FALSE)""", id, runId, Timestamp.from(Instant.now()), attempt));
        return id;
    }

    /** The request's end; in the caller's transaction if one is under way ({@link ModelAnswerRepository#keepWith}). */
    public void finished(String id, String outcome, Integer httpStatus, long promptTokens, long completionTokens,
                         boolean tokensEstimated, long latencyMillis) {
        callersOrOwnTransaction.executeWithoutResult(status -> jdbc.update("""
                UPDATE warta_model_call SET outcome = ?, http_status = ?, prompt_tokens = ?, completion_tokens = ?,
                    tokens_estimated = ?, latency_ms = ?
                WHERE id = ?""", outcome, httpStatus, promptTokens, completionTokens, tokensEstimated, latencyMillis,
                id));
    }

    /** An answer served from the kept answers: recorded so the summary can say how many were reused. */
    public void reused(Long runId, long promptTokens, long completionTokens) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO warta_model_call (id, run_id, sent_at, attempt, outcome, prompt_tokens, completion_tokens,
                    tokens_estimated)
                VALUES (?, ?, ?, 0, 'reused', ?, ?, FALSE)""", UUID.randomUUID().toString(), runId,
                Timestamp.from(Instant.now()), promptTokens, completionTokens));
    }

    /**
     * What a run asked of the endpoint, over every process that worked on it.
     *
     * @param calls            requests that reached the endpoint (or were in flight when the process died); those
     *                         refused before reaching it (connection refused) are not calls
     * @param retries          those among them that repeated an earlier request
     * @param promptTokens     prompt tokens paid for (reused answers cost nothing and are not in here)
     * @param estimatedTokens  the part of the tokens that is our estimate: answers that stated no usage we could read
     * @param reusedAnswers    answers served from earlier identical requests instead of being bought again
     */
    public record Totals(int calls, int retries, long promptTokens, long completionTokens, long estimatedTokens,
                         int reusedAnswers) {
    }

    public Totals totals(long runId) {
        return jdbc.queryForObject("""
                SELECT
                    SUM(CASE WHEN outcome NOT IN ('reused', 'unreachable') THEN 1 ELSE 0 END),
                    SUM(CASE WHEN outcome NOT IN ('reused', 'unreachable') AND attempt > 0 THEN 1 ELSE 0 END),
                    SUM(CASE WHEN outcome <> 'reused' THEN prompt_tokens ELSE 0 END),
                    SUM(CASE WHEN outcome <> 'reused' THEN completion_tokens ELSE 0 END),
                    SUM(CASE WHEN outcome <> 'reused' AND tokens_estimated THEN prompt_tokens + completion_tokens
                        ELSE 0 END),
                    SUM(CASE WHEN outcome = 'reused' THEN 1 ELSE 0 END)
                FROM warta_model_call WHERE run_id = ?""",
                (rs, row) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getInt(6)), runId);
    }
}
