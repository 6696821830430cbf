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
 * again. Entries are committed in their own transaction the moment the engine returns, so even the translations of
 * a chunk that a crash rolled back are not paid for twice.
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

    public static String key(String contentHash, String fingerprint) {
        return Sha256.hex(contentHash + "\n" + fingerprint);
    }

    public Optional<Translation> find(String key) {
        return jdbc.query("SELECT translation FROM warta_translation WHERE cache_key = ?",
                        (rs, row) -> Json.read(rs.getString(1), Translation.class), key)
                .stream().findFirst();
    }

    public void put(String key, String articleId, String fingerprint, Translation translation) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(upsert, key, articleId, fingerprint,
                Json.write(translation), Timestamp.from(Instant.now())));
    }
}
