package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.ingest.ArticleReader;
import dev.warta.ingest.InputFiles;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every input file of the run in a stable order and hands out what each contains, one article or rejected
 * input at a time. It reads {@code lookAhead} items beyond the one it hands out and passes each to
 * {@code readAhead} as soon as it is read, so that the model calls of the next chunk start while the current chunk
 * finishes (see {@link TranslationPrefetch}). The position saved with each chunk is that of the last item handed
 * out, not of the read-ahead, so a restarted run resumes exactly after the last committed item.
 */
class IngestedItemReader implements ItemStreamReader<Ingested> {

    private static final String FILE_KEY = "input.file";
    private static final String ITEM_KEY = "input.item";

    private final Path inputFolder;
    private final ArticleReader articleReader;
    private final ProgressReporter progress;
    private final int lookAhead;
    private final Consumer<Ingested> readAhead;

    private List<Path> files;
    /** Where reading (ahead) continues. */
    private int fileIndex;
    private int itemIndex;
    private List<Ingested> currentItems = List.of();
    /** Items read but not yet handed out, each with the position just after it. */
    private final Deque<Positioned> buffer = new ArrayDeque<>();
    /** The position just after the last item handed out: what a restart resumes from. */
    private int handedOutFile;
    private int handedOutItem;

    IngestedItemReader(Path inputFolder, ArticleReader articleReader, ProgressReporter progress, int lookAhead,
                       Consumer<Ingested> readAhead) {
        this.inputFolder = inputFolder;
        this.articleReader = articleReader;
        this.progress = progress;
        this.lookAhead = lookAhead;
        this.readAhead = readAhead;
    }

    @Override
    public void open(ExecutionContext context) {
        files = InputFiles.list(inputFolder);
        fileIndex = context.getInt(FILE_KEY, 0);
        itemIndex = context.getInt(ITEM_KEY, 0);
        handedOutFile = fileIndex;
        handedOutItem = itemIndex;
        if (fileIndex < files.size()) {
            currentItems = readFile(fileIndex);
        }
    }

    @Override
    public synchronized Ingested read() {
        while (buffer.size() <= lookAhead) {
            Positioned next = readNext();
            if (next == null) {
                break;
            }
            buffer.add(next);
            readAhead.accept(next.item());
        }
        Positioned head = buffer.poll();
        if (head == null) {
            return null;
        }
        handedOutFile = head.fileAfter();
        handedOutItem = head.itemAfter();
        return head.item();
    }

    private Positioned readNext() {
        while (fileIndex < files.size()) {
            if (itemIndex < currentItems.size()) {
                Ingested item = currentItems.get(itemIndex++);
                return new Positioned(item, fileIndex, itemIndex);
            }
            fileIndex++;
            itemIndex = 0;
            currentItems = fileIndex < files.size() ? readFile(fileIndex) : List.of();
        }
        return null;
    }

    @Override
    public synchronized void update(ExecutionContext context) {
        context.putInt(FILE_KEY, handedOutFile);
        context.putInt(ITEM_KEY, handedOutItem);
    }

    private List<Ingested> readFile(int index) {
        progress.fileStarted(index, files.size());
        return articleReader.read(files.get(index));
    }

    private record Positioned(Ingested item, int fileAfter, int itemAfter) {
    }
}
