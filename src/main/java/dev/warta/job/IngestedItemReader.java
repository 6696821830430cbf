package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.ingest.ArticleReader;
import dev.warta.ingest.InputFiles;
import dev.warta.store.ArticleRepository;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * <p>
 * Files are parsed (decoded, extracted, cleaned, identified) a few files ahead on a thread of their own, in order:
 * the step's thread, which also writes every chunk, only hands the items out. At high concurrency that thread is
 * what the whole run waits for.
 */
class IngestedItemReader extends LookAheadItemReader {

    private final Path inputFolder;
    private final ArticleReader articleReader;
    private final ProgressReporter progress;
    /** Files parsed ahead of the one whose items are being handed out. */
    static final int FILES_AHEAD = 16;

    private ExecutorService parser;
    /** The files being parsed ahead, in file order: the first is the next file whose items are handed out. */
    private final Deque<Future<List<Ingested>>> parsedAhead = new ArrayDeque<>();
    private int nextToParse;

    private List<Path> files;
    /** Where reading (ahead) continues. */
    private int fileIndex;
    private int itemIndex;
    private List<Ingested> currentItems = List.of();

    /**
     * @param alreadyCommitted the {@link ArticleRepository#inputKey keys} of the items this run has committed
     *                         (empty for a new run), asked once when the step opens
     */
    IngestedItemReader(Path inputFolder, ArticleReader articleReader, ProgressReporter progress, int lookAhead,
                       Consumer<Ingested> readAhead, Supplier<Set<String>> alreadyCommitted) {
        super(lookAhead, readAhead, alreadyCommitted);
        this.inputFolder = inputFolder;
        this.articleReader = articleReader;
        this.progress = progress;
    }

    @Override
    void openSource() {
        files = InputFiles.list(inputFolder);
        fileIndex = 0;
        itemIndex = 0;
        parsedAhead.clear();
        nextToParse = 0;
        parser = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warta-read");
            thread.setDaemon(true);
            return thread;
        });
        while (nextToParse < files.size() && nextToParse <= FILES_AHEAD) {
            parseAhead();
        }
        if (!files.isEmpty()) {
            currentItems = parsed(fileIndex);
        }
    }

    @Override
    public void close() {
        if (parser != null) {
            // what was parsed ahead and not handed out is read again by the next run; nothing to keep
            parser.shutdownNow();
            parser = null;
        }
    }

    @Override
    Ingested readNext() {
        while (fileIndex < files.size()) {
            if (itemIndex < currentItems.size()) {
                return currentItems.get(itemIndex++);
            }
            fileIndex++;
            itemIndex = 0;
            currentItems = fileIndex < files.size() ? parsed(fileIndex) : List.of();
        }
        return null;
    }

    private void parseAhead() {
        int index = nextToParse++;
        parsedAhead.add(parser.submit(() -> readFile(index)));
    }

    /** File {@code index}'s items, parsed ahead; waits for them if the parser is behind. */
    private List<Ingested> parsed(int index) {
        progress.fileStarted(index, files.size());
        Future<List<Ingested>> items = parsedAhead.poll();
        if (nextToParse < files.size()) {
            parseAhead();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return items.get();
                } catch (InterruptedException e) {
                    // parsing one file is short; the interrupt is kept for whoever asked
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads and parses one file; runs on the parser's thread. What is committed is fixed before it starts. */
    private List<Ingested> readFile(int index) {
        Path file = files.get(index);
        if (committed(file.toString(), null)) {
            return List.of();   // a single-article file this run has done: not even read again
        }
        List<Ingested> items = articleReader.read(file);
        if (nothingCommitted()) {
            return items;
        }
        return items.stream().filter(item -> !committed(item.sourcePath(), item.location())).toList();
    }
}
