package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.ingest.ArticleReader;
import dev.warta.ingest.InputFiles;
import dev.warta.store.ArticleRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads every input file of the run in a stable order and hands out what each contains, one article or rejected
 * input at a time. It reads {@code lookAhead} items beyond the one it hands out and passes each to
 * {@code readAhead} as soon as it is read, so that the model calls of the next chunk start while the current chunk
 * finishes (see {@link TranslationPrefetch}).
 * <p>
 * Where a resumed run continues is not a position in a folder listing but what the database says: an item (a file,
 * or an entry of a feed file) that the run has already committed is skipped, every other item is read. So a file
 * added or removed while the run was down neither skips nor repeats an article, and items that were read ahead but
 * not committed when the process died are simply read again (their translations come from the cache).
 */
class IngestedItemReader implements ItemStreamReader<Ingested> {

    private final Path inputFolder;
    private final ArticleReader articleReader;
    private final ProgressReporter progress;
    private final int lookAhead;
    private final Consumer<Ingested> readAhead;
    private final Supplier<Set<String>> alreadyCommitted;

    private Set<String> committed = Set.of();
    private List<Path> files;
    /** Where reading (ahead) continues. */
    private int fileIndex;
    private int itemIndex;
    private List<Ingested> currentItems = List.of();
    /** Items read but not yet handed out. */
    private final Deque<Ingested> buffer = new ArrayDeque<>();

    /**
     * @param alreadyCommitted the {@link ArticleRepository#inputKey keys} of the items this run has committed
     *                         (empty for a new run), asked once when the step opens
     */
    IngestedItemReader(Path inputFolder, ArticleReader articleReader, ProgressReporter progress, int lookAhead,
                       Consumer<Ingested> readAhead, Supplier<Set<String>> alreadyCommitted) {
        this.inputFolder = inputFolder;
        this.articleReader = articleReader;
        this.progress = progress;
        this.lookAhead = lookAhead;
        this.readAhead = readAhead;
        this.alreadyCommitted = alreadyCommitted;
    }

    @Override
    public void open(ExecutionContext context) {
        committed = alreadyCommitted.get();
        files = InputFiles.list(inputFolder);
        fileIndex = 0;
        itemIndex = 0;
        if (!files.isEmpty()) {
            currentItems = readFile(fileIndex);
        }
    }

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

    private Ingested readNext() {
        while (fileIndex < files.size()) {
            if (itemIndex < currentItems.size()) {
                return currentItems.get(itemIndex++);
            }
            fileIndex++;
            itemIndex = 0;
            currentItems = fileIndex < files.size() ? readFile(fileIndex) : List.of();
        }
        return null;
    }

    private List<Ingested> readFile(int index) {
        progress.fileStarted(index, files.size());
        Path file = files.get(index);
        if (committed.contains(ArticleRepository.inputKey(file.toString(), null))) {
            return List.of();   // a single-article file this run has done: not even read again
        }
        List<Ingested> items = articleReader.read(file);
        if (committed.isEmpty()) {
            return items;
        }
        return items.stream()
                .filter(item -> !committed.contains(ArticleRepository.inputKey(item.sourcePath(), item.location())))
                .toList();
    }
}
