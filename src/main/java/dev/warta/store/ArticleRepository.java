package dev.warta.store;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.ArticleStatus;
import dev.warta.article.Translation;
import dev.warta.article.Usage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code warta_article} table: one row per article holding its latest outcome, the searchable columns, and
 * the whole JSON document that was written to the output folder.
 */
@Repository
public class ArticleRepository {

    private static final RowMapper<StoredArticle> DOCUMENT =
            (rs, row) -> Json.read(rs.getString("document"), StoredArticle.class);

    private final JdbcTemplate jdbc;

    public ArticleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the article's row or replaces the outcome of an earlier run, keeping its creation time and counting
     * the attempt. Idempotent for a replayed chunk: the same item written twice leaves one row.
     */
    public void save(ArticleOutcome outcome, long runId) {
        StoredArticle stored = outcome.stored();
        Article article = stored.article();
        ArticleMetadata meta = article == null ? ArticleMetadata.EMPTY : article.metadata();
        Translation translation = stored.translation();
        Usage usage = translation == null ? Usage.NONE : translation.usage();
        Timestamp now = Timestamp.from(Instant.parse(stored.updatedAt()));
        Object[] values = {
                stored.sourcePath(), stored.location(), article == null ? null : article.contentHash(),
                stored.status().code(), stored.reason(), meta.source(), meta.url(), meta.publishedAt(),
                meta.dateline(), meta.author(), article == null ? null : article.language(), stored.title(),
                article == null ? null : article.body(),
                translation == null ? null : translation.title(),
                translation == null ? null : String.join("\n\n", translation.paragraphs()),
                translation == null ? null : translation.summary(),
                translation == null ? null : Json.write(translation.keyPoints()),
                translation == null ? null : translation.engine(), translation == null ? null : translation.model(),
                translation == null ? null : translation.quality(),
                translation == null ? null : translation.qualityScore(),
                usage.calls(), usage.promptTokens(), usage.completionTokens(), runId,
                Date.valueOf(LocalDate.parse(stored.runDate())), Json.write(stored), now, outcome.cached()};
        // consecutive failed attempts: one more after a failed call, back to 0 once delivered
        boolean failedAttempt = outcome.attempted() && stored.status() == ArticleStatus.FAILED;
        boolean delivered = stored.status().delivered();
        int updated = jdbc.update("""
                UPDATE warta_article SET source_path = ?, location = ?, content_hash = ?, status = ?, reason = ?,
                    source = ?, url = ?, published_at = ?, dateline = ?, author = ?, language = ?, original_title = ?,
                    original_text = ?, english_title = ?, english_text = ?, summary = ?, key_points = ?, engine = ?,
                    model = ?, quality = ?, quality_score = ?, model_calls = ?, prompt_tokens = ?,
                    completion_tokens = ?, run_id = ?, run_date = ?, document = ?, updated_at = ?, cached = ?,
                    failed_attempts = CASE WHEN ? THEN 0 ELSE failed_attempts + ? END
                WHERE id = ?""", append(values, delivered, failedAttempt ? 1 : 0, stored.id()));
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO warta_article (source_path, location, content_hash, status, reason, source, url,
                        published_at, dateline, author, language, original_title, original_text, english_title,
                        english_text, summary, key_points, engine, model, quality, quality_score, model_calls,
                        prompt_tokens, completion_tokens, run_id, run_date, document, updated_at, cached, failed_attempts,
                        id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?)""", append(values, failedAttempt ? 1 : 0, stored.id(), now));
        }
    }

    public Optional<StoredArticle> find(String id) {
        return jdbc.query("SELECT document FROM warta_article WHERE id = ?", DOCUMENT, id).stream().findFirst();
    }

    /** The items a run touched, in input order, each with whether the run reused a stored translation. */
    public List<RunItem> findByRun(long runId) {
        return jdbc.query("""
                        SELECT document, cached FROM warta_article WHERE run_id = ?
                        ORDER BY source_path, location, id""",
                (rs, row) -> new RunItem(DOCUMENT.mapRow(rs, row), rs.getBoolean("cached")), runId);
    }

    /** An item of a run's summary. */
    public record RunItem(StoredArticle stored, boolean cached) {
    }

    public List<StoredArticle> findByRunDate(LocalDate date) {
        return jdbc.query("SELECT document FROM warta_article WHERE run_date = ? ORDER BY source_path, location, id",
                DOCUMENT, Date.valueOf(date));
    }

    /**
     * Articles whose text (original or translated), summary, entities or tags contain every word of the query,
     * newest first (by published time, else run date). The words are matched case-insensitively against the stored
     * document, which holds all of these.
     */
    public List<StoredArticle> search(List<String> words) {
        StringBuilder sql = new StringBuilder("SELECT document FROM warta_article WHERE 1 = 1");
        List<Object> parameters = new java.util.ArrayList<>();
        for (String word : words) {
            sql.append(" AND LOWER(document) LIKE ? ESCAPE '\\'");
            parameters.add("%" + escapeLike(word.toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        sql.append(" ORDER BY COALESCE(published_at, CAST(run_date AS VARCHAR)) DESC, updated_at DESC");
        return jdbc.query(sql.toString(), DOCUMENT, parameters.toArray());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Consecutive failed attempts to translate the article, 0 when unknown or last delivered. */
    public int failedAttempts(String id) {
        List<Integer> attempts = jdbc.queryForList("SELECT failed_attempts FROM warta_article WHERE id = ?",
                Integer.class, id);
        return attempts.isEmpty() ? 0 : attempts.get(0);
    }

    /** The article's consecutive failed attempts and the reason recorded with the last outcome. */
    public record Failures(int attempts, String lastReason) {
    }

    /** Consecutive failed attempts and the latest reason, when the article has a row. */
    public Optional<Failures> failures(String id) {
        return jdbc.query("SELECT failed_attempts, reason FROM warta_article WHERE id = ?",
                (rs, row) -> new Failures(rs.getInt(1), rs.getString(2)), id).stream().findFirst();
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = new Object[values.length + more.length];
        System.arraycopy(values, 0, all, 0, values.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }
}
