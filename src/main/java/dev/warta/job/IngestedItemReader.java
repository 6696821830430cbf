package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.ingest.ArticleReader;
import dev.warta.ingest.InputFiles;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads every input file of the run in a stable order and hands out what each contains, one article or rejected
 * input at a time. Its position (file number, item number within the file) is saved with each chunk, so a
 * restarted run resumes after the last committed item instead of starting over.
 */
class IngestedItemReader implements ItemStreamReader<Ingested> {

    private static final String FILE_KEY = "input.file";
    private static final String ITEM_KEY = "input.item";

    private final Path inputFolder;
    private final ArticleReader articleReader;
    private final ProgressReporter progress;

    private List<Path> files;
    private int fileIndex;
    private List<Ingested> currentItems = List.of();
    private int itemIndex;

    IngestedItemReader(Path inputFolder, ArticleReader articleReader, ProgressReporter progress) {
        this.inputFolder = inputFolder;
        this.articleReader = articleReader;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        files = InputFiles.list(inputFolder);
        fileIndex = context.getInt(FILE_KEY, 0);
        int resumeItem = context.getInt(ITEM_KEY, 0);
        if (fileIndex < files.size()) {
            currentItems = readFile(fileIndex);
            itemIndex = resumeItem;
        }
    }

    @Override
    public synchronized Ingested read() {
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

    @Override
    public synchronized void update(ExecutionContext context) {
        context.putInt(FILE_KEY, fileIndex);
        context.putInt(ITEM_KEY, itemIndex);
    }

    private List<Ingested> readFile(int index) {
        progress.fileStarted(index, files.size());
        return articleReader.read(files.get(index));
    }
}
