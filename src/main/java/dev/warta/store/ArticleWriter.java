package dev.warta.store;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.Comparator;
import java.util.Objects;

/**
 * Commits each outcome to the database in the chunk's transaction, and nothing else: the database is the one
 * place where results are true. The JSON files are written from the committed rows afterwards
 * ({@link dev.warta.export.RunExporter}), so no file can exist without its row or disagree with it.
 * <p>
 * The translations the engine made for the chunk's articles go into the cache in the same transaction: with H2's
 * {@code WRITE_DELAY=0} every commit writes its pages to the file, so one commit for the chunk is cheaper than one
 * per article. They are written in the order of their keys, so that two scale-out workers that both translated the
 * same content (one article in two files) lock its cache row in the same order and cannot deadlock.
 */
public class ArticleWriter implements ItemWriter<ArticleOutcome> {

    private final ArticleRepository repository;
    private final TranslationCache cache;
    private final long runId;

    public ArticleWriter(ArticleRepository repository, TranslationCache cache, long runId) {
        this.repository = repository;
        this.cache = cache;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends ArticleOutcome> items) {
        for (ArticleOutcome outcome : items) {
            repository.save(outcome, runId);
        }
        items.getItems().stream()
                .map(ArticleOutcome::toCache)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(TranslationCache.Entry::key))
                .forEach(cache::putInCallersTransaction);
    }
}
