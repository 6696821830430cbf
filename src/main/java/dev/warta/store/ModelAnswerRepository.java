package dev.warta.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code warta_model_answer} table: every usable answer of the model endpoint, under a key of its exact request.
 * Each answer is committed as it arrives, never in a chunk's, so an answer a killed process received is still there
 * for the next run: in a transaction of its own, or in a savepoint of the call log's group commit (see
 * {@code RunCallLog}), which commits before the answer is used.
 */
@Repository
public class ModelAnswerRepository {

    private static final Logger log = LoggerFactory.getLogger(ModelAnswerRepository.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public ModelAnswerRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // a new transaction, or a savepoint of the group commit under way on the call log's thread
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The answer kept for the request, if it was kept at or after {@code notBefore} (null: whenever). */
    public Optional<String> find(String requestKey, Instant notBefore) {
        Timestamp since = Timestamp.from(notBefore == null ? Instant.EPOCH : notBefore);
        return jdbc.queryForList("SELECT body FROM warta_model_answer WHERE request_key = ? AND created_at >= ?",
                String.class, requestKey, since).stream().findFirst();
    }

    /** Keeps the answer; one already kept under the key (another thread's identical request) stays. */
    public void keep(String requestKey, String body) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO warta_model_answer (request_key, body, created_at) VALUES (?, ?, ?)",
                    requestKey, body, Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException alreadyKept) {
            // the same request was answered twice at once: either answer will do
        } catch (DataAccessException e) {
            // the answer is still used for this article; only its reuse after a failure is lost
            log.warn("could not keep a model answer for reuse: {}", e.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Keeps the answer ({@code replace}: instead of the one kept, as a forced run does) and runs {@code alsoCommitted}
     * (the end of the call that bought it, see {@link ModelCallRepository#finished}) in the same transaction: one
     * commit instead of two, and the call never counts as answered without its answer kept. When the answer cannot be
     * kept (another thread's identical request kept one a moment before, or a database fault), {@code alsoCommitted}
     * still runs, in a transaction of its own, and the outcome is what {@link #keep} or {@link #replace} would give.
     */
    public void keepWith(String requestKey, String body, boolean replace, Runnable alsoCommitted) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (replace) {
                    jdbc.update("DELETE FROM warta_model_answer WHERE request_key = ?", requestKey);
                }
                jdbc.update("INSERT INTO warta_model_answer (request_key, body, created_at) VALUES (?, ?, ?)",
                        requestKey, body, Timestamp.from(Instant.now()));
                alsoCommitted.run();
            });
        } catch (DuplicateKeyException alreadyKept) {
            // the same request was answered twice at once: either answer will do
            alsoCommitted.run();
        } catch (DataAccessException e) {
            alsoCommitted.run();
            if (replace) {
                throw e;
            }
            log.warn("could not keep a model answer for reuse: {}", e.getMostSpecificCause().getMessage());
        }
    }

    /** Replaces a kept answer by a newer one (a forced run asks again and keeps what it got). */
    public void replace(String requestKey, String body) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM warta_model_answer WHERE request_key = ?", requestKey);
            jdbc.update("INSERT INTO warta_model_answer (request_key, body, created_at) VALUES (?, ?, ?)",
                    requestKey, body, Timestamp.from(Instant.now()));
        });
    }

    public void forget(String requestKey) {
        ownTransaction.executeWithoutResult(status ->
                jdbc.update("DELETE FROM warta_model_answer WHERE request_key = ?", requestKey));
    }
}
