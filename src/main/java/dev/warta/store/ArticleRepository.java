package dev.warta.store;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.ArticleStatus;
import dev.warta.article.Translation;
import dev.warta.article.Usage;
import dev.warta.article.NamedEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@code warta_article} table: one row per article holding its latest outcome, the searchable columns, and
 * the whole JSON document that was written to the output folder.
 */
@Repository
public class ArticleRepository {

    private static final RowMapper<StoredArticle> DOCUMENT =
            (rs, row) -> Json.read(rs.getString("document"), StoredArticle.class);

    /** Rows read at a time when a whole run or day goes through (exports). */
    private static final int PAGE_SIZE = 200;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TransactionTemplate pageTransaction;

    public ArticleRepository(JdbcTemplate jdbc, SqlDialect dialect, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        // Each page in a short transaction of its own, even inside a long one (the export step's): H2 keeps the
        // text values it hands out until the transaction that read them ends, so one transaction over a whole
        // night's export would hold every document of the night.
        this.pageTransaction = new TransactionTemplate(transactionManager);
        this.pageTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pageTransaction.setReadOnly(true);
    }

    /**
     * Inserts the article's row or replaces the outcome of an earlier run, keeping its creation time and counting
     * the attempt. Idempotent for a replayed chunk: the same item written twice leaves one row.
     * <p>
     * An article an editor has approved ({@code reviewed}) is never replaced by a run: the row only records that
     * this run met it again (its run id, no model call), in the same statement's transaction, so an approval that
     * lands while a run is translating the article still wins.
     */
    public void save(ArticleOutcome outcome, long runId) {
        write(outcome, runId, false);
    }

    /**
     * Stores what an editor made of an article in the web app (an approved version, status {@code reviewed}, or a
     * new model translation they asked for) over whatever the row holds, keeping the run that last touched it.
     */
    public void saveByEditor(StoredArticle edited) {
        Long runId = jdbc.queryForObject("SELECT run_id FROM warta_article WHERE id = ?", Long.class, edited.id());
        write(new ArticleOutcome(edited, false, false), runId == null ? 0 : runId, true);
    }

    private void write(ArticleOutcome outcome, long runId, boolean overwriteReviewed) {
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
                translation == null ? null : Json.write(translation.tags()),
                translation == null ? null : Json.write(entityNames(translation)),
                searchText(stored), Date.valueOf(articleDay(stored)),
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
                    original_text = ?, english_title = ?, english_text = ?, summary = ?, key_points = ?, tags = ?,
                    entities = ?, search_text = ?, article_day = ?, engine = ?,
                    model = ?, quality = ?, quality_score = ?, model_calls = ?, prompt_tokens = ?,
                    completion_tokens = ?, run_id = ?, run_date = ?, document = ?, updated_at = ?, cached = ?,
                    failed_attempts = CASE WHEN ? THEN 0 ELSE failed_attempts + ? END
                WHERE id = ? AND (? OR status <> 'reviewed')""",
                append(values, delivered, failedAttempt ? 1 : 0, stored.id(), overwriteReviewed));
        if (updated == 0 && !overwriteReviewed) {
            // the editor's version stays; the run still counts the article as met, without a model call
            updated = jdbc.update("UPDATE warta_article SET run_id = ?, cached = TRUE WHERE id = ? AND status = ?",
                    runId, stored.id(), ArticleStatus.REVIEWED.code());
        }
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO warta_article (source_path, location, content_hash, status, reason, source, url,
                        published_at, dateline, author, language, original_title, original_text, english_title,
                        english_text, summary, key_points, tags, entities, search_text, article_day, engine, model,
                        quality, quality_score, model_calls, prompt_tokens, completion_tokens, run_id, run_date,
                        document, updated_at, cached, failed_attempts, id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?)""", append(values, failedAttempt ? 1 : 0, stored.id(), now));
        }
    }

    public Optional<StoredArticle> find(String id) {
        return jdbc.query("SELECT document FROM warta_article WHERE id = ?", DOCUMENT, id).stream().findFirst();
    }

    /** The editor's approved version of the article, if an editor has approved it. */
    public Optional<StoredArticle> findReviewed(String id) {
        return jdbc.query("SELECT document FROM warta_article WHERE id = ? AND status = ?", DOCUMENT, id,
                ArticleStatus.REVIEWED.code()).stream().findFirst();
    }

    /**
     * Hands every item a run touched to {@code action}, by id, each with whether the run reused a stored
     * translation. Reads a page of rows at a time: memory does not grow with the size of the run.
     */
    public void forEachInRun(long runId, Consumer<RunItem> action) {
        inPages("document, cached", "run_id", runId,
                rs -> action.accept(new RunItem(DOCUMENT.mapRow(rs, 0), rs.getBoolean("cached"))));
    }

    /**
     * Hands every item a run touched to {@code action} as {@code run.json} lists it, from the row's own columns:
     * without reading and parsing each article's document, which for a night of 20,000 articles was most of the
     * time {@code run.json} took. The columns are written with the document in the same statement.
     */
    public void forEachListedInRun(long runId, Consumer<RunListing> action) {
        inPages("status, cached, reason, source_path, location, original_title, english_title, run_date", "run_id",
                runId, rs -> action.accept(new RunListing(rs.getString("id"), rs.getString("status"),
                        rs.getBoolean("cached"), rs.getString("reason"), rs.getString("source_path"),
                        rs.getString("location"), rs.getString("original_title"), rs.getString("english_title"),
                        rs.getDate("run_date").toLocalDate())));
    }

    /** Hands every article filed under a run date to {@code action}, a page at a time like {@link #forEachInRun}. */
    public void forEachOnRunDate(LocalDate date, Consumer<StoredArticle> action) {
        inPages("document", "run_date", Date.valueOf(date), rs -> action.accept(DOCUMENT.mapRow(rs, 0)));
    }

    /**
     * Keyset paging by id over the index on ({@code column}, id) ({@code warta_article_run_page},
     * {@code warta_article_run_date_page}): each page is a range scan of that index. Not one big query, nor an order
     * that needs sorting: H2 keeps a whole result, or everything it sorts, in memory, and a night of 20,000 articles
     * would not fit. The order names {@code column} too, though it is fixed: H2 reads the rows in the index's order
     * only when the order starts with the index's first column. Ordered by id alone it read every remaining row of
     * the night, documents and all, and sorted them for each page: 1.8 s and 250 MB for the first page of 20,000
     * articles, against 13 ms ({@code ArticleRepositoryPagingTest}).
     */
    private void inPages(String columns, String column, Object parameter, RowAction action) {
        String sql = pageQuery(columns, column);
        Object[] after = {parameter, ""};
        while (true) {
            int[] rows = {0};
            pageTransaction.executeWithoutResult(status -> jdbc.query(sql, rs -> {
                action.accept(rs);
                after[1] = rs.getString("id");
                rows[0]++;
            }, after));
            if (rows[0] < PAGE_SIZE) {
                return;
            }
        }
    }

    static String pageQuery(String columns, String column) {
        return "SELECT " + columns + ", id FROM warta_article WHERE " + column + " = ? AND id > ? ORDER BY " + column
                + ", id LIMIT " + PAGE_SIZE;
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /** An item of a run as {@code run.json} lists it (see {@link #forEachListedInRun}). */
    public record RunListing(String id, String status, boolean cached, String reason, String sourcePath,
                             String location, String title, String translatedTitle, LocalDate runDate) {
    }

    /** An item of a run's summary. */
    public record RunItem(StoredArticle stored, boolean cached) {
    }

    public boolean hasRunDate(LocalDate date) {
        return !jdbc.queryForList("SELECT id FROM warta_article WHERE run_date = ? LIMIT 1", String.class,
                Date.valueOf(date)).isEmpty();
    }

    /** How many items of a run ended in each status, and how many of them reused a stored translation. */
    public RunCounts countRun(long runId) {
        return count("run_id = ?", runId);
    }

    /** How many articles filed under a run date ended in each status. */
    public RunCounts countRunDate(LocalDate date) {
        return count("run_date = ?", Date.valueOf(date));
    }

    private RunCounts count(String condition, Object parameter) {
        int[] byStatus = new int[ArticleStatus.values().length];
        int[] cached = {0};
        jdbc.query("SELECT status, cached, COUNT(*) AS n FROM warta_article WHERE " + condition
                        + " GROUP BY status, cached",
                rs -> {
                    int n = rs.getInt("n");
                    byStatus[ArticleStatus.fromCode(rs.getString("status")).ordinal()] += n;
                    cached[0] += rs.getBoolean("cached") ? n : 0;
                }, parameter);
        return new RunCounts(byStatus, cached[0]);
    }

    /**
     * At most {@code limit} articles of a run date for its digest page: delivered ones first, newest first. The order
     * is found on the light columns; the documents are then read a page at a time.
     */
    public List<StoredArticle> findForDigest(LocalDate date, int limit) {
        List<String> ids = jdbc.queryForList("""
                SELECT id FROM warta_article WHERE run_date = ?
                ORDER BY CASE WHEN status IN ('translated', 'needs_review', 'reviewed') THEN 0 ELSE 1 END,
                    article_day DESC, published_at DESC, source_path, location, id
                LIMIT ?""", String.class, Date.valueOf(date), limit);
        Map<String, StoredArticle> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += PAGE_SIZE) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + PAGE_SIZE));
            pageTransaction.executeWithoutResult(status -> jdbc.query(
                    "SELECT id, document FROM warta_article WHERE id IN (" + "?, ".repeat(page.size() - 1) + "?)",
                    rs -> {
                        byId.put(rs.getString("id"), DOCUMENT.mapRow(rs, 0));
                    }, page.toArray()));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Items per status of one run. */
    public record RunCounts(int[] byStatus, int cached) {

        public int of(ArticleStatus status) {
            return byStatus[status.ordinal()];
        }

        public int total() {
            return java.util.Arrays.stream(byStatus).sum();
        }
    }

    /**
     * The inputs a run has already committed, as {@code source path + "#" + location} keys: what a resumed run
     * skips. Asked of the database rather than of a position in a folder listing, so files added or removed while
     * the run was down neither skip nor repeat an article.
     */
    public Set<String> committedInRun(long runId) {
        Set<String> keys = new HashSet<>();
        jdbc.query("SELECT source_path, location FROM warta_article WHERE run_id = ?",
                rs -> {
                    keys.add(inputKey(rs.getString("source_path"), rs.getString("location")));
                }, runId);
        return keys;
    }

    /**
     * The keys of the items this run has settled: committed with any status but pending. A pending article (the
     * endpoint out of reach, the budget spent) is not the article's fault, and a partition run again sends it again.
     */
    public Set<String> settledInRun(long runId) {
        Set<String> keys = new HashSet<>();
        jdbc.query("SELECT source_path, location FROM warta_article WHERE run_id = ? AND status <> 'pending'",
                rs -> {
                    keys.add(inputKey(rs.getString("source_path"), rs.getString("location")));
                }, runId);
        return keys;
    }

    /** The key of one input item: its file, and its entry within a feed file. */
    public static String inputKey(String sourcePath, String location) {
        return location == null ? sourcePath : sourcePath + "#" + location;
    }

    /**
     * Articles that contain every word of the query in their own texts (original and English title and body,
     * summary, key points, entities, tags), narrowed by the filters, at most {@code limit}. On PostgreSQL the
     * words are matched by full-text search and the best matches come first; on H2 every word must occur as a
     * substring, newest first.
     */
    public List<StoredArticle> search(SearchQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        String rank = "";
        List<String> words = query.words();
        if (!words.isEmpty() && dialect == SqlDialect.POSTGRESQL) {
            where.append(" AND search_vector @@ plainto_tsquery('simple', ?)");
            parameters.add(String.join(" ", words));
            rank = "ts_rank(search_vector, plainto_tsquery('simple', ?)) DESC, ";
        } else {
            for (String word : words) {
                where.append(" AND search_text LIKE ? ESCAPE '\\'");
                parameters.add("%" + escapeLike(word.toLowerCase(Locale.ROOT)) + "%");
            }
        }
        if (query.since() != null) {
            where.append(" AND article_day >= ?");
            parameters.add(Date.valueOf(query.since()));
        }
        if (query.until() != null) {
            where.append(" AND article_day <= ?");
            parameters.add(Date.valueOf(query.until()));
        }
        if (query.entity() != null) {
            // entities is a JSON array of English names: a case-insensitive substring of one of them
            where.append(" AND LOWER(entities) LIKE ? ESCAPE '\\'");
            parameters.add("%" + escapeLike(query.entity().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.engine() != null) {
            where.append(" AND engine = ?");
            parameters.add(query.engine());
        }
        if (query.source() != null) {
            where.append(" AND LOWER(source) LIKE ? ESCAPE '\\'");
            parameters.add("%" + escapeLike(query.source().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.tag() != null) {
            // tags is a JSON array: match one whole element, case-insensitively
            where.append(" AND LOWER(tags) LIKE ? ESCAPE '\\'");
            parameters.add("%" + escapeLike(Json.write(query.tag().toLowerCase(Locale.ROOT))) + "%");
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status().code());
        }
        if (!rank.isEmpty()) {
            parameters.add(String.join(" ", words));
        }
        parameters.add(query.limit());
        parameters.add(query.offset());
        return jdbc.query("SELECT document FROM warta_article" + where + " ORDER BY " + rank
                + "article_day DESC, updated_at DESC, id LIMIT ? OFFSET ?", DOCUMENT, parameters.toArray());
    }

    /**
     * What an analyst asks for.
     *
     * @param words  every one must occur; empty matches everything
     * @param since  the article's day (published, else processed) on or after this date; {@code null} for any
     * @param source outlet name, case-insensitive substring; {@code null} for any
     * @param tag    topic tag, case-insensitive exact; {@code null} for any
     * @param status {@code null} for any
     * @param until  the article's day on or before this date; {@code null} for any
     * @param entity an entity's English name, case-insensitive substring; {@code null} for any
     * @param engine {@code openai} or {@code offline}; {@code null} for any
     * @param offset results skipped (paging)
     */
    public record SearchQuery(List<String> words, LocalDate since, String source, String tag, ArticleStatus status,
                              int limit, LocalDate until, String entity, String engine, int offset) {

        public SearchQuery(List<String> words, LocalDate since, String source, String tag, ArticleStatus status,
                           int limit) {
            this(words, since, source, tag, status, limit, null, null, null, 0);
        }
    }

    /** The searchable words of an article, lower-cased: its texts, never the keys of its JSON document. */
    static String searchText(StoredArticle stored) {
        List<String> parts = new ArrayList<>();
        parts.add(stored.title());
        if (stored.article() != null) {
            parts.add(stored.article().body());
        }
        Translation translation = stored.translation();
        if (translation != null) {
            parts.add(translation.title());
            parts.addAll(translation.paragraphs());
            parts.add(translation.summary());
            parts.addAll(translation.keyPoints());
            parts.addAll(entityNames(translation));
            translation.entities().forEach(entity -> parts.add(entity.name()));
            parts.addAll(translation.tags());
        }
        return parts.stream().filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
    }

    private static List<String> entityNames(Translation translation) {
        return translation.entities().stream().map(NamedEntity::english).filter(name -> name != null).toList();
    }

    /** The article's own day: when it was published, if that is known, else the day it was processed. */
    public static LocalDate articleDay(StoredArticle article) {
        String published = article.article() == null ? null : article.article().metadata().publishedAt();
        if (published != null && published.length() >= 10) {
            try {
                return LocalDate.parse(published.substring(0, 10));
            } catch (RuntimeException notADate) {
                // fall back to the run date
            }
        }
        return LocalDate.parse(article.runDate());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Why the first pending item of a run (in input order) is pending, if there is one. */
    public Optional<String> firstPendingReason(long runId) {
        return jdbc.queryForList("SELECT reason FROM warta_article WHERE run_id = ? AND status = ? "
                        + "ORDER BY source_path, location, id LIMIT 1", String.class, runId,
                ArticleStatus.PENDING.code()).stream().findFirst();
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
