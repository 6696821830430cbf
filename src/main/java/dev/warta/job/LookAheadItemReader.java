package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.store.ArticleRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the run's readers share: each reads {@code lookAhead} items beyond the one it hands out and passes each to
 * {@code readAhead} as soon as it is read, so that the model calls of the next chunk start while the current chunk
 * finishes (see {@link TranslationPrefetch}); and each skips the items the run has already committed, asked of the
 * database once when the step opens, so a resumed run goes on where it stopped.
 * <p>
 * No method here is final: the readers are step-scoped beans, and a final method would run on Spring's class proxy
 * instead of on the reader.
 */
abstract class LookAheadItemReader implements ItemStreamReader<Ingested> {

    private final int lookAhead;
    private final Consumer<Ingested> readAhead;
    private final Supplier<Set<String>> alreadyCommitted;
    /** Items read but not yet handed out. */
    private final Deque<Ingested> buffer = new ArrayDeque<>();
    private Set<String> committed = Set.of();

    /**
     * @param alreadyCommitted the {@link ArticleRepository#inputKey keys} of the items this run has committed
     *                         (empty for a new run)
     */
    LookAheadItemReader(int lookAhead, Consumer<Ingested> readAhead, Supplier<Set<String>> alreadyCommitted) {
        this.lookAhead = lookAhead;
        this.readAhead = readAhead;
        this.alreadyCommitted = alreadyCommitted;
    }

    @Override
    public void open(ExecutionContext context) {
        committed = alreadyCommitted.get();
        buffer.clear();
        openSource();
    }

    /** Starts reading from the beginning; {@link #committed} is known by then. */
    abstract void openSource();

    /** The next item in input order, or null when there is none. */
    abstract Ingested readNext();

    @Override
    public synchronized Ingested read() {
        while (buffer.size() <= lookAhead) {
            Ingested next = readNext();
            if (next == null) {
                break;
            }
            buffer.add(next);
            readAhead.accept(next);
        }
        return buffer.poll();
    }

    /** Whether the run has already committed the item at {@code sourcePath} ({@code location} within it, or null). */
    boolean committed(String sourcePath, String location) {
        return committed.contains(ArticleRepository.inputKey(sourcePath, location));
    }

    /** Whether the run has committed nothing yet, so there is nothing to skip. */
    boolean nothingCommitted() {
        return committed.isEmpty();
    }
}
