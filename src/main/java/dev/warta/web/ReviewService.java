package dev.warta.web;

import dev.warta.article.ArticleStatus;
import dev.warta.article.Translation;
import dev.warta.article.TranslationEngine;
import dev.warta.article.TranslationException;
import dev.warta.job.EngineSelector;
import dev.warta.job.EngineUnavailableException;
import dev.warta.store.TranslationCache;
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
    private final EngineSelector engines;
    private final TranslationCache cache;

    ReviewService(ArticleRepository articles, NewsroomQueries queries, RunExporter exporter,
                  org.springframework.transaction.PlatformTransactionManager transactions,
                  @Value("${warta.output:output}") Path defaultOutput, EngineSelector engines, TranslationCache cache) {
        this.engines = engines;
        this.cache = cache;
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
            articles.saveByEditor(after);
            queries.addReviewEdit(id, editor, "approved", null, changes, Json.write(model), Json.write(corrected), now);
            return after;
        });
        Objects.requireNonNull(approved);
        export(approved);
        log.info("{} approved {} ({} changes)", editor, id, approved.review().changedFields().size());
        return approved;
    }

    /**
     * Sends the article back for a new model translation with the editor's note as feedback, now: the new version
     * replaces the article's (checked as any other, so it may come back flagged), goes into the translation cache
     * in place of the old one (so a later run reuses it rather than the version the editor rejected), and the
     * request is kept in the review history with the note and both versions.
     */
    StoredArticle sendBack(String id, String editor, String note, String updatedAt) {
        if (note == null || note.isBlank()) {
            throw new Invalid("Say in the note what the model should do differently.");
        }
        StoredArticle before = articles.find(id).orElseThrow(() -> new NotFound("no article with id " + id));
        if (before.article() == null) {
            throw new Invalid("This input has no article text to translate.");
        }
        if (!Objects.equals(before.updatedAt(), updatedAt)) {
            throw new ChangedMeanwhile();
        }
        TranslationEngine engine;
        try {
            engine = engines.engine();
        } catch (EngineUnavailableException e) {
            throw new Invalid("No model is available to the web app: " + e.getMessage());
        }
        if (!"openai".equals(engine.name())) {
            throw new Invalid("No model endpoint is configured for the web app (it uses the offline engine, which "
                    + "cannot take a note): start it with OPENAI_API_KEY set, as the job is.");
        }
        Translation translation;
        try {
            translation = engine.translate(before.article(), note.strip());
        } catch (TranslationException e) {
            throw new Invalid("The model could not translate it again: " + e.getMessage());
        }
        cache.put(TranslationCache.key(before.article().contentHash(), engine.fingerprint()), id, engine.fingerprint(),
                translation);
        Instant now = Instant.now();
        ArticleStatus status = translation.needsReview() ? ArticleStatus.NEEDS_REVIEW : ArticleStatus.TRANSLATED;
        StoredArticle after = new StoredArticle(before.id(), status,
                translation.needsReview() ? String.join("; ", translation.reviewReasons()) : null, before.runDate(),
                before.sourcePath(), before.location(), before.title(), before.article(), translation, now.toString());
        transaction.executeWithoutResult(tx -> {
            articles.saveByEditor(after);
            queries.addReviewEdit(id, editor, "sent_back", note.strip(),
                    before.translation() == null ? List.of() : changes(before.translation(), translation),
                    before.translation() == null ? null : Json.write(before.translation()), Json.write(translation),
                    now);
        });
        export(after);
        log.info("{} sent {} back for a new translation: now {}", editor, id, status.code());
        return after;
    }

    private void export(StoredArticle article) {
        Path output = queries.outputFolderOf(article.id()).map(Path::of).orElse(defaultOutput);
        exporter.exportArticle(article, output);
        exporter.exportDigest(LocalDate.parse(article.runDate()), output);
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
