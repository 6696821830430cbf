package dev.warta.store;

import dev.warta.article.Sha256;
import dev.warta.article.Translation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Every translation an engine produced, keyed by the article's content hash and the engine's fingerprint. This is
 * what makes a rerun free: an article whose content, model, prompts and target language are unchanged is never sent
 * again. A run's entries are written with their articles, in the chunk's transaction ({@link ArticleWriter}): one
 * commit for the chunk instead of one more per article. Money is not at stake in between: every answer the model
 * gave is already kept under its exact request ({@link ModelAnswerRepository}), so an article whose chunk a crash
 * rolled back is translated again from those answers, without a call.
 */
@Repository
public class TranslationCache {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final String upsert;

    public TranslationCache(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert("warta_translation", "cache_key", "article_id", "fingerprint", "translation",
                "created_at");
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A translation an engine made, to be kept under {@code key} (see {@link #key}). */
    public record Entry(String key, String articleId, String fingerprint, Translation translation) {
    }

    public static String key(String contentHash, String fingerprint) {
        return Sha256.hex(contentHash + "\n" + fingerprint);
    }

    public Optional<Translation> find(String key) {
        return jdbc.query("SELECT translation FROM warta_translation WHERE cache_key = ?",
                        (rs, row) -> Json.read(rs.getString(1), Translation.class), key)
                .stream().findFirst();
    }

    /** Keeps the translation at once, in a transaction of its own (an editor's new translation). */
    public void put(String key, String articleId, String fingerprint, Translation translation) {
        ownTransaction.executeWithoutResult(status -> putInCallersTransaction(
                new Entry(key, articleId, fingerprint, translation)));
    }

    /** Writes the entry in the transaction under way, the chunk's: it commits with its article's row, or not at all. */
    void putInCallersTransaction(Entry entry) {
        jdbc.update(upsert, entry.key(), entry.articleId(), entry.fingerprint(), Json.write(entry.translation()),
                Timestamp.from(Instant.now()));
    }
}
