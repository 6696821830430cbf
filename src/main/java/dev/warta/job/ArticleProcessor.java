package dev.warta.job;

import dev.warta.article.Article;
import dev.warta.article.ArticleStatus;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import dev.warta.article.Translation;
import dev.warta.article.TranslationEngine;
import dev.warta.article.TranslationException;
import dev.warta.store.StoredArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.Instant;

/**
 * Turns what was read into an outcome: a translation for an article, or the recorded reason why there is none.
 * A translation failure is an outcome too (status {@code failed} with the engine's reason), so the article is
 * stored and the next run retries it, while the rest of the run goes on.
 */
class ArticleProcessor implements ItemProcessor<Ingested, StoredArticle> {

    private static final Logger log = LoggerFactory.getLogger(ArticleProcessor.class);

    private final TranslationEngine engine;
    private final String runDate;

    ArticleProcessor(TranslationEngine engine, String runDate) {
        this.engine = engine;
        this.runDate = runDate;
    }

    @Override
    public StoredArticle process(Ingested item) {
        if (item instanceof Rejected rejected) {
            ArticleStatus status = rejected.kind() == Rejected.Kind.NOT_ARTICLE
                    ? ArticleStatus.NOT_ARTICLE : ArticleStatus.FAILED;
            log.warn("{}{}: {}", rejected.sourcePath(), where(rejected), rejected.reason());
            return stored(rejected, status, rejected.reason(), rejected.title(), null, null);
        }
        Article article = (Article) item;
        try {
            Translation translation = engine.translate(article);
            ArticleStatus status = translation.needsReview() ? ArticleStatus.NEEDS_REVIEW : ArticleStatus.TRANSLATED;
            String reason = translation.needsReview() ? String.join("; ", translation.reviewReasons()) : null;
            return stored(article, status, reason, article.title(), article, translation);
        } catch (TranslationException e) {
            log.warn("{}{}: not translated: {}", article.sourcePath(), where(article), e.getMessage());
            return stored(article, ArticleStatus.FAILED, e.getMessage(), article.title(), article, null);
        }
    }

    private StoredArticle stored(Ingested item, ArticleStatus status, String reason, String title, Article article,
                                 Translation translation) {
        return new StoredArticle(item.id(), status, reason, runDate, item.sourcePath(), item.location(), title,
                article, translation, Instant.now().toString());
    }

    private static String where(Ingested item) {
        return item.location() == null ? "" : " (" + item.location() + ")";
    }
}
