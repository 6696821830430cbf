package dev.warta.store;

import dev.warta.article.Article;
import dev.warta.article.ArticleStatus;
import dev.warta.article.Translation;

/**
 * One article's outcome as stored in the database and written to {@code output/<run date>/<id>.json}.
 *
 * @param id          article id (or rejected input id)
 * @param status      outcome of the latest attempt
 * @param reason      why it failed or is not an article; {@code null} when delivered
 * @param runDate     ISO date of the run that produced this outcome ({@code 2026-11-26})
 * @param sourcePath  input file
 * @param location    position inside a feed file, or {@code null}
 * @param title       original title when known (also for rejected inputs)
 * @param article     the ingested article; {@code null} for inputs that could not be read
 * @param translation the translation; {@code null} unless delivered
 * @param updatedAt   ISO instant of the last change
 * @param review      who approved the article in the web app, and when; {@code null} unless {@code reviewed}
 */
public record StoredArticle(
        String id,
        ArticleStatus status,
        String reason,
        String runDate,
        String sourcePath,
        String location,
        String title,
        Article article,
        Translation translation,
        String updatedAt,
        EditorReview review) {

    /** An outcome of the job: no editor has approved it (yet). */
    public StoredArticle(String id, ArticleStatus status, String reason, String runDate, String sourcePath,
                         String location, String title, Article article, Translation translation, String updatedAt) {
        this(id, status, reason, runDate, sourcePath, location, title, article, translation, updatedAt, null);
    }

    /**
     * An editor's approval.
     *
     * @param editor              the editor's user name
     * @param reviewedAt          ISO instant of the approval
     * @param changedFields       what the editor changed ({@code title}, {@code paragraph 3}, {@code summary},
     *                            {@code key points}); empty when approved as the model wrote it
     * @param modelReviewReasons  what the checks had flagged in the model's version
     */
    public record EditorReview(String editor, String reviewedAt, java.util.List<String> changedFields,
                               java.util.List<String> modelReviewReasons) {
    }
}
