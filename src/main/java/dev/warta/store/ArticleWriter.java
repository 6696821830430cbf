package dev.warta.store;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Commits each outcome to the database in the chunk's transaction, and nothing else: the database is the one
 * place where results are true. The JSON files are written from the committed rows afterwards
 * ({@link dev.warta.export.RunExporter}), so no file can exist without its row or disagree with it.
 */
public class ArticleWriter implements ItemWriter<ArticleOutcome> {

    private final ArticleRepository repository;
    private final long runId;

    public ArticleWriter(ArticleRepository repository, long runId) {
        this.repository = repository;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends ArticleOutcome> items) {
        for (ArticleOutcome outcome : items) {
            repository.save(outcome, runId);
        }
    }
}
