package dev.warta.web;

import dev.warta.article.ArticleStatus;
import dev.warta.article.Translation;
import dev.warta.export.RunExporter;
import dev.warta.store.ArticleRepository;
import dev.warta.store.Json;
import dev.warta.store.StoredArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An editor's approval of an article: the corrected English is stored as the article's version (status
 * {@code reviewed}), the edit with who, when and what changed (and the model's version whole) in
 * {@code warta_review_edit}, both in one transaction; then the article's JSON file and its day's digest are
 * exported again from the row. Later runs keep the editor's version ({@link ArticleRepository#save}).
 */
@Service
@ConditionalOnWebApplication
class ReviewService {

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final ArticleRepository articles;
    private final NewsroomQueries queries;
    private final RunExporter exporter;
    private final TransactionTemplate transaction;
    private final Path defaultOutput;

    ReviewService(ArticleRepository articles, NewsroomQueries queries, RunExporter exporter,
                  org.springframework.transaction.PlatformTransactionManager transactions, @Value("${warta.output:output}") Path defaultOutput) {
        this.articles = articles;
        this.queries = queries;
        this.exporter = exporter;
        this.transaction = new TransactionTemplate(transactions);
        this.defaultOutput = defaultOutput;
    }

    /** What the editor sent: the English as they want it. Key points one per line. */
    record Correction(String title, List<String> paragraphs, String summary, String keyPoints, String updatedAt) {
    }

    /** The article changed (a run, another editor) after the editor opened it: nothing was saved. */
    static class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile() {
            super("The article was changed after you opened it; here it is as it is now. Make your correction again.");
        }
    }

    /** The correction cannot be stored as it is; the message says why. */
    static class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    StoredArticle approve(String id, String editor, Correction correction) {
        StoredArticle approved = transaction.execute(status -> {
            StoredArticle before = articles.find(id).orElseThrow(() -> new NotFound("no article with id " + id));
            Translation model = before.translation();
            if (model == null) {
                throw new Invalid("This article has no translation to review (status " + before.status().code() + ").");
            }
            if (!Objects.equals(before.updatedAt(), correction.updatedAt())) {
                throw new ChangedMeanwhile();
            }
            Translation corrected = corrected(model, correction);
            List<NewsroomQueries.FieldChange> changes = changes(model, corrected);
            Instant now = Instant.now();
            // the flags the checks raised on the model's version travel with every later approval
            List<String> modelReasons = before.review() != null ? before.review().modelReviewReasons()
                    : model.reviewReasons();
            StoredArticle after = new StoredArticle(before.id(), ArticleStatus.REVIEWED, null, before.runDate(),
                    before.sourcePath(), before.location(), before.title(), before.article(), corrected, now.toString(),
                    new StoredArticle.EditorReview(editor, now.toString(),
                            changes.stream().map(NewsroomQueries.FieldChange::field).toList(), modelReasons));
            articles.saveReviewed(after);
            queries.addReviewEdit(id, editor, "approved", null, changes, Json.write(model), Json.write(corrected), now);
            return after;
        });
        Objects.requireNonNull(approved);
        Path output = queries.outputFolderOf(id).map(Path::of).orElse(defaultOutput);
        exporter.exportArticle(approved, output);
        exporter.exportDigest(LocalDate.parse(approved.runDate()), output);
        log.info("{} approved {} ({} changes)", editor, id, approved.review().changedFields().size());
        return approved;
    }

    private static Translation corrected(Translation model, Correction correction) {
        String title = strip(correction.title());
        String summary = strip(correction.summary());
        if (title.isEmpty()) {
            throw new Invalid("The English title may not be empty.");
        }
        if (summary.isEmpty()) {
            throw new Invalid("The summary may not be empty.");
        }
        List<String> paragraphs = correction.paragraphs() == null ? List.of()
                : correction.paragraphs().stream().map(ReviewService::strip).toList();
        if (paragraphs.size() != model.paragraphs().size()) {
            throw new Invalid("The English must keep one paragraph per source paragraph (" + model.paragraphs().size()
                    + "), not " + paragraphs.size() + ".");
        }
        List<String> keyPoints = correction.keyPoints() == null ? List.of()
                : correction.keyPoints().lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.startsWith("- ") ? line.substring(2).strip() : line).toList();
        return new Translation(title, paragraphs, summary, keyPoints, model.entities(), model.tags(),
                model.sourceLanguage(), model.targetLanguage(), model.engine(), model.model(), model.quality(),
                model.qualityScore(), List.of(), model.usage());
    }

    private static List<NewsroomQueries.FieldChange> changes(Translation before, Translation after) {
        List<NewsroomQueries.FieldChange> changes = new ArrayList<>();
        change(changes, "title", before.title(), after.title());
        for (int i = 0; i < after.paragraphs().size(); i++) {
            change(changes, "paragraph " + (i + 1), before.paragraphs().get(i), after.paragraphs().get(i));
        }
        change(changes, "summary", before.summary(), after.summary());
        change(changes, "key points", String.join("\n", before.keyPoints()), String.join("\n", after.keyPoints()));
        return changes;
    }

    private static void change(List<NewsroomQueries.FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(strip(before), strip(after))) {
            changes.add(new NewsroomQueries.FieldChange(field, before, after));
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }
}
