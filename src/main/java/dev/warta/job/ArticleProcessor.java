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
import java.util.function.Consumer;

/**
 * Turns what was read into an outcome: a translation for an article (reused from the cache when nothing that
 * determines it changed), or the recorded reason why there is none. A translation failure is an outcome too, so
 * the article is stored and the next run retries it, while the rest of the run goes on. Only a failure that is the
 * article's own is {@code failed} and counts towards {@code warta.max-attempts}; a failure of the endpoint or of a
 * setting leaves the article {@code pending} at no cost (see {@link TranslationException.Fault}). Runs concurrently on {@link TranslationPrefetch}'s threads: everything it touches is
 * thread-safe.
 */
class ArticleProcessor implements ItemProcessor<Ingested, ArticleOutcome> {

    private static final Logger log = LoggerFactory.getLogger(ArticleProcessor.class);
    private static final String GAVE_UP = "gave up after ";

    private final TranslationEngine engine;
    private final Optional<TranslationEngine> fallback;
    private final TranslationCache cache;
    private final ArticleRepository articles;
    private final RunBudget budget;
    private final String runDate;
    private final boolean force;
    private final int maxAttempts;
    private final Consumer<String> onWrongSettings;
    /** Model work under way, by cache key. */
    private final Map<String, CompletableFuture<Translation>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param onWrongSettings told when the endpoint rejects a setting (key, URL, model): the run must stop
     */
    ArticleProcessor(TranslationEngine engine, Optional<TranslationEngine> fallback, TranslationCache cache,
                     ArticleRepository articles, RunBudget budget, String runDate, boolean force, int maxAttempts,
                     Consumer<String> onWrongSettings) {
        this.engine = engine;
        this.fallback = fallback;
        this.cache = cache;
        this.articles = articles;
        this.budget = budget;
        this.runDate = runDate;
        this.force = force;
        this.maxAttempts = maxAttempts;
        this.onWrongSettings = onWrongSettings;
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
            Optional<ArticleRepository.Failures> failures = articles.failures(article.id())
                    .filter(earlier -> earlier.attempts() >= maxAttempts);
            if (failures.isPresent()) {
                return outcome(article, ArticleStatus.FAILED, gaveUp(failures.get()), article.title(), article,
                        null, false, false);
            }
        }
        Optional<String> exhausted = budget.exhausted();
        if (exhausted.isPresent()) {
            return fallbackOr(article, outcome(article, ArticleStatus.PENDING, exhausted.get(), article.title(),
                    article, null, false, false));
        }
        try {
            Made made = translateOnce(key, article);
            ArticleOutcome outcome = delivered(article, made.translation(), !made.paidHere());
            return made.paidHere() ? withCacheEntry(outcome, key, article, made.translation()) : outcome;
        } catch (TranslationException e) {
            switch (e.fault()) {
                case SETTINGS -> {
                    // not the article's fault, and every other article would fail alike: stop, leave it pending
                    onWrongSettings.accept(e.getMessage());
                    return outcome(article, ArticleStatus.PENDING, e.getMessage(), article.title(), article, null,
                            false, false);
                }
                case ENDPOINT -> {
                    log.warn("{}{}: left pending: {}", article.sourcePath(), where(article), e.getMessage());
                    return fallbackOr(article, outcome(article, ArticleStatus.PENDING, e.getMessage(),
                            article.title(), article, null, false, false));
                }
                default -> {
                    log.warn("{}{}: not translated: {}", article.sourcePath(), where(article), e.getMessage());
                    return fallbackOr(article, outcome(article, ArticleStatus.FAILED, e.getMessage(),
                            article.title(), article, null, false, true));
                }
            }
        }
    }

    /** Keeps the last real reason beside the verdict, so the operator sees why, not only how often. */
    private static String gaveUp(ArticleRepository.Failures failures) {
        String last = failures.lastReason();
        if (last != null && last.startsWith(GAVE_UP)) {
            return last;
        }
        return GAVE_UP + failures.attempts() + " failed attempts (last: " + (last == null ? "no reason recorded" : last)
                + "); run with --force to try again";
    }

    /**
     * Translates the article, or, when another input of this run with the same content (the same article in two
     * files or two feed entries) is being translated right now, waits for that translation: one model call for both.
     * The twin's failure is this input's failure too.
     */
    private Made translateOnce(String key, Article article) {
        CompletableFuture<Translation> mine = new CompletableFuture<>();
        CompletableFuture<Translation> twin = inFlight.putIfAbsent(key, mine);
        if (twin != null) {
            try {
                return new Made(twin.join(), false);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            // a twin may have finished between this input's cache look-up and now; its entry is in the cache once
            // its chunk is written (ArticleWriter), and until then its kept answers serve this input without a call
            Optional<Translation> justMade = force ? Optional.empty() : cache.find(key);
            Translation translation = justMade.orElseGet(() -> engine.translate(article));
            mine.complete(translation);
            return new Made(translation, justMade.isEmpty());
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private ArticleOutcome withCacheEntry(ArticleOutcome outcome, String key, Article article, Translation made) {
        return new ArticleOutcome(outcome.stored(), outcome.cached(), outcome.attempted(),
                new TranslationCache.Entry(key, article.id(), engine.fingerprint(), made));
    }

    /** A translation, and whether this input paid for it (else a twin did, or the cache had it). */
    private record Made(Translation translation, boolean paidHere) {
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
