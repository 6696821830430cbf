package dev.warta.job;

import dev.warta.article.Article;
import dev.warta.article.ArticleStatus;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import dev.warta.article.Translation;
import dev.warta.article.TranslationEngine;
import dev.warta.article.TranslationException;
import dev.warta.store.ArticleOutcome;
import dev.warta.store.ArticleRepository;
import dev.warta.store.StoredArticle;
import dev.warta.store.TranslationCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns what was read into an outcome: a translation for an article (reused from the cache when nothing that
 * determines it changed), or the recorded reason why there is none. A translation failure is an outcome too
 * (status {@code failed} with the engine's reason), so the article is stored and the next run retries it, while
 * the rest of the run goes on. Runs concurrently on {@link TranslationPrefetch}'s threads: everything it touches is
 * thread-safe.
 */
class ArticleProcessor implements ItemProcessor<Ingested, ArticleOutcome> {

    private static final Logger log = LoggerFactory.getLogger(ArticleProcessor.class);

    private final TranslationEngine engine;
    private final Optional<TranslationEngine> fallback;
    private final TranslationCache cache;
    private final ArticleRepository articles;
    private final RunBudget budget;
    private final String runDate;
    private final boolean force;
    private final int maxAttempts;
    /** Model work under way, by cache key. */
    private final Map<String, CompletableFuture<Translation>> inFlight = new ConcurrentHashMap<>();

    ArticleProcessor(TranslationEngine engine, Optional<TranslationEngine> fallback, TranslationCache cache,
                     ArticleRepository articles, RunBudget budget, String runDate, boolean force, int maxAttempts) {
        this.engine = engine;
        this.fallback = fallback;
        this.cache = cache;
        this.articles = articles;
        this.budget = budget;
        this.runDate = runDate;
        this.force = force;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public ArticleOutcome process(Ingested item) {
        if (item instanceof Rejected rejected) {
            ArticleStatus status = rejected.kind() == Rejected.Kind.NOT_ARTICLE
                    ? ArticleStatus.NOT_ARTICLE : ArticleStatus.FAILED;
            log.warn("{}{}: {}", rejected.sourcePath(), where(rejected), rejected.reason());
            return outcome(rejected, status, rejected.reason(), rejected.title(), null, null, false, false);
        }
        Article article = (Article) item;
        Optional<StoredArticle> reviewed = articles.findReviewed(article.id());
        if (reviewed.isPresent()) {
            // an editor approved this article: their version stays, even with --force, and costs no model call
            return new ArticleOutcome(reviewed.get(), true, false);
        }
        String key = TranslationCache.key(article.contentHash(), engine.fingerprint());
        if (!force) {
            Optional<Translation> cached = cache.find(key);
            if (cached.isPresent()) {
                return delivered(article, cached.get(), true);
            }
            int failures = articles.failedAttempts(article.id());
            if (failures >= maxAttempts) {
                return outcome(article, ArticleStatus.FAILED, "gave up after " + failures
                        + " failed attempts; run with --force to try again", article.title(), article, null,
                        false, false);
            }
        }
        Optional<String> exhausted = budget.exhausted();
        if (exhausted.isPresent()) {
            return fallbackOr(article, outcome(article, ArticleStatus.PENDING, exhausted.get(), article.title(),
                    article, null, false, false));
        }
        try {
            Optional<Translation> shared = sameContentInFlight(key);
            if (shared.isPresent()) {
                return delivered(article, shared.get(), true);
            }
            return delivered(article, translateOnce(key, article), false);
        } catch (TranslationException e) {
            if (e.unavailable()) {
                return fallbackOr(article, outcome(article, ArticleStatus.PENDING, e.getMessage(), article.title(),
                        article, null, false, false));
            }
            log.warn("{}{}: not translated: {}", article.sourcePath(), where(article), e.getMessage());
            return fallbackOr(article, outcome(article, ArticleStatus.FAILED, e.getMessage(), article.title(),
                    article, null, false, true));
        }
    }

    /**
     * The translation of another input of this run with the same content whose model work is under way, waited for:
     * the same article in two files or two feed entries costs one model call. Its failure is this input's failure.
     */
    private Optional<Translation> sameContentInFlight(String key) {
        CompletableFuture<Translation> other = inFlight.get(key);
        if (other == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(other.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Translation translateOnce(String key, Article article) {
        CompletableFuture<Translation> mine = new CompletableFuture<>();
        CompletableFuture<Translation> other = inFlight.putIfAbsent(key, mine);
        if (other != null) {
            return sameContentInFlight(key).orElseGet(() -> translateOnce(key, article));
        }
        try {
            // a twin may have finished between this input's cache look-up and now
            Translation translation = force ? null : cache.find(key).orElse(null);
            if (translation == null) {
                translation = engine.translate(article);
                cache.put(key, article.id(), engine.fingerprint(), translation);
            }
            mine.complete(translation);
            return translation;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * With the offline fallback on, an article the model could not do still gets a gist, labelled as such; the
     * model's translation replaces it on a later run, because the gist is not stored under the model's key.
     */
    private ArticleOutcome fallbackOr(Article article, ArticleOutcome notDelivered) {
        if (fallback.isEmpty()) {
            return notDelivered;
        }
        Translation gist = fallback.get().translate(article);
        log.info("{}{}: offline gist instead ({})", article.sourcePath(), where(article),
                notDelivered.stored().reason());
        return delivered(article, gist, false);
    }

    private ArticleOutcome delivered(Article article, Translation translation, boolean cached) {
        ArticleStatus status = translation.needsReview() ? ArticleStatus.NEEDS_REVIEW : ArticleStatus.TRANSLATED;
        String reason = translation.needsReview() ? String.join("; ", translation.reviewReasons()) : null;
        return outcome(article, status, reason, article.title(), article, translation, cached, !cached);
    }

    private ArticleOutcome outcome(Ingested item, ArticleStatus status, String reason, String title, Article article,
                                   Translation translation, boolean cached, boolean attempted) {
        StoredArticle stored = new StoredArticle(item.id(), status, reason, runDate, item.sourcePath(),
                item.location(), title, article, translation, Instant.now().toString());
        return new ArticleOutcome(stored, cached, attempted);
    }

    private static String where(Ingested item) {
        return item.location() == null ? "" : " (" + item.location() + ")";
    }
}
