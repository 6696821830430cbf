package dev.warta.web;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.warta.article.ArticleStatus;
import dev.warta.export.RunSummary;
import dev.warta.store.Json;
import dev.warta.store.StoredArticle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the web app reads besides single articles and searches ({@link dev.warta.store.ArticleRepository} does
 * those): the days there are, the review queue, the runs, and the review history in {@code warta_review_edit}.
 */
@Repository
@ConditionalOnWebApplication
class NewsroomQueries {

    private static final RowMapper<StoredArticle> DOCUMENT =
            (rs, row) -> Json.read(rs.getString("document"), StoredArticle.class);

    private final JdbcTemplate jdbc;

    NewsroomQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run dates that have articles, newest first. */
    List<LocalDate> days(int limit) {
        return jdbc.queryForList("SELECT DISTINCT run_date FROM warta_article WHERE run_date IS NOT NULL "
                + "ORDER BY run_date DESC LIMIT ?", java.sql.Date.class, limit).stream()
                .map(java.sql.Date::toLocalDate).toList();
    }

    /**
     * What editors have to look at, oldest first: articles the checks flagged, and offline gists (a rough rendering
     * that a person should check before anyone quotes it).
     */
    List<StoredArticle> reviewQueue(int limit) {
        return jdbc.query("SELECT document FROM warta_article WHERE status = ? OR (status = ? AND quality = 'gist') "
                        + "ORDER BY created_at, id LIMIT ?", DOCUMENT, ArticleStatus.NEEDS_REVIEW.code(),
                ArticleStatus.TRANSLATED.code(), limit);
    }

    int reviewQueueSize() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM warta_article WHERE status = ? "
                + "OR (status = ? AND quality = 'gist')", Integer.class, ArticleStatus.NEEDS_REVIEW.code(),
                ArticleStatus.TRANSLATED.code());
        return n == null ? 0 : n;
    }

    /** One run as the operators' page shows it; {@code summary} is {@code null} while it runs. */
    record RunRow(long id, LocalDate runDate, String engine, String model, String status, Instant startedAt,
                  Instant finishedAt, String outputDir, RunSummary summary) {
    }

    private static final String RUN_COLUMNS =
            "SELECT id, run_date, engine, model, status, summary, started_at, finished_at, output_dir FROM warta_run";

    private static final RowMapper<RunRow> RUN = (rs, row) -> {
        String summary = rs.getString("summary");
        return new RunRow(rs.getLong("id"), rs.getDate("run_date").toLocalDate(), rs.getString("engine"),
                rs.getString("model"), rs.getString("status"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("output_dir"),
                summary == null ? null : Json.read(summary, RunSummary.class));
    };

    /** The latest runs, newest first. */
    List<RunRow> runs(int limit) {
        return jdbc.query(RUN_COLUMNS + " ORDER BY id DESC LIMIT ?", RUN, limit);
    }

    Optional<RunRow> run(long id) {
        return jdbc.query(RUN_COLUMNS + " WHERE id = ?", RUN, id).stream().findFirst();
    }

    /** The output folder of the run that last wrote the article: where its file is exported. */
    Optional<String> outputFolderOf(String articleId) {
        return jdbc.queryForList("SELECT r.output_dir FROM warta_article a JOIN warta_run r ON r.id = a.run_id "
                + "WHERE a.id = ?", String.class, articleId).stream().findFirst();
    }

    /** When the row was first and last written, and by which run. */
    record RowTimes(Instant createdAt, Instant updatedAt, Long runId) {
    }

    Optional<RowTimes> rowTimes(String articleId) {
        return jdbc.query("SELECT created_at, updated_at, run_id FROM warta_article WHERE id = ?",
                (rs, row) -> new RowTimes(instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("updated_at")), (Long) rs.getObject("run_id", Long.class)),
                articleId).stream().findFirst();
    }

    /** One change an editor made to one field. */
    record FieldChange(String field, String before, String after) {
    }

    /** One review of an article: who, when, what. */
    record ReviewEdit(String editor, String action, String note, List<FieldChange> changes, Instant editedAt) {
    }

    void addReviewEdit(String articleId, String editor, String action, String note, List<FieldChange> changes,
                       String beforeTranslation, String afterTranslation, Instant at) {
        jdbc.update("INSERT INTO warta_review_edit (article_id, editor, action, note, changes, before_translation, "
                        + "after_translation, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", articleId, editor, action,
                note, Json.write(changes), beforeTranslation, afterTranslation, Timestamp.from(at));
    }

    List<ReviewEdit> reviewEdits(String articleId) {
        return jdbc.query("SELECT editor, action, note, changes, edited_at FROM warta_review_edit WHERE article_id = ? "
                + "ORDER BY edited_at, id", (rs, row) -> new ReviewEdit(rs.getString("editor"), rs.getString("action"),
                rs.getString("note"), readChanges(rs.getString("changes")), instant(rs.getTimestamp("edited_at"))),
                articleId);
    }

    private static List<FieldChange> readChanges(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<List<FieldChange>>() { });
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /**
     * The newest delivered articles (translated, reviewed, or delivered with flags), optionally of one tag
     * (case-insensitive, whole tag) or one outlet (case-insensitive, whole name): what the Atom feed carries.
     */
    List<StoredArticle> latestDelivered(String tag, String source, int limit) {
        StringBuilder sql = new StringBuilder("SELECT document FROM warta_article WHERE status IN (?, ?, ?)");
        List<Object> parameters = new java.util.ArrayList<>(List.of(ArticleStatus.TRANSLATED.code(),
                ArticleStatus.NEEDS_REVIEW.code(), ArticleStatus.REVIEWED.code()));
        if (tag != null) {
            sql.append(" AND LOWER(tags) LIKE ? ESCAPE '\\'");
            parameters.add("%" + escapeLike(Json.write(tag.toLowerCase(java.util.Locale.ROOT))) + "%");
        }
        if (source != null) {
            sql.append(" AND LOWER(source) = ?");
            parameters.add(source.toLowerCase(java.util.Locale.ROOT));
        }
        sql.append(" ORDER BY updated_at DESC, id LIMIT ?");
        parameters.add(limit);
        return jdbc.query(sql.toString(), DOCUMENT, parameters.toArray());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
