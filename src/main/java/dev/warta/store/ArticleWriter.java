package dev.warta.store;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each outcome to the database and to {@code <output>/<run date>/<id>.json} inside the chunk's transaction,
 * so that an article has both or neither. The JSON goes to a temporary file first; it is renamed into place just
 * before the database commits, and discarded if the transaction rolls back before that. (Should the commit itself
 * fail after the rename, the file stays without its row; the rerun writes both again.)
 */
public class ArticleWriter implements ItemWriter<ArticleOutcome> {

    private final ArticleRepository repository;
    private final OutputFiles output;
    private final long runId;

    public ArticleWriter(ArticleRepository repository, OutputFiles output, long runId) {
        this.repository = repository;
        this.output = output;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends ArticleOutcome> items) {
        List<PendingFile> files = new ArrayList<>();
        for (ArticleOutcome outcome : items) {
            StoredArticle stored = outcome.stored();
            repository.save(outcome, runId);
            Path target = output.articleFile(stored.runDate(), stored.id());
            files.add(new PendingFile(OutputFiles.writeTemporary(target, Json.write(stored)), target));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new MoveOnCommit(files));
        } else {
            files.forEach(PendingFile::moveIntoPlace);
        }
    }

    private record PendingFile(Path temporary, Path target) {

        void moveIntoPlace() {
            OutputFiles.moveIntoPlace(temporary, target);
        }

        void discard() {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // A leftover hidden .tmp file is harmless; the next write of the article replaces the target.
            }
        }
    }

    /**
     * Moving in {@code beforeCommit} means a failed rename aborts the commit, so no row exists without its file.
     */
    private record MoveOnCommit(List<PendingFile> files) implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            files.forEach(PendingFile::moveIntoPlace);
        }

        @Override
        public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
                files.forEach(PendingFile::discard);
            }
        }
    }
}
