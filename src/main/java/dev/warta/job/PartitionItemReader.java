package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.store.ArticleRepository;
import dev.warta.store.WorkItemRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A worker's reader: the items of one partition of a scale-out run, as the manager stored them, in input order, a
 * page at a time. Like {@link IngestedItemReader} it reads {@code lookAhead} items ahead and hands each to
 * {@code readAhead} so that model calls start early, and it skips what the run has already committed: a partition
 * run again after its worker died goes on where that worker stopped.
 */
class PartitionItemReader implements ItemStreamReader<Ingested> {

    private static final int PAGE = 100;

    private final WorkItemRepository items;
    private final long runId;
    private final int partition;
    private final int lookAhead;
    private final Consumer<Ingested> readAhead;
    private final Supplier<Set<String>> alreadyCommitted;

    private Set<String> committed = Set.of();
    private int afterSeq;
    private boolean exhausted;
    private final Deque<Ingested> page = new ArrayDeque<>();
    private final Deque<Ingested> buffer = new ArrayDeque<>();

    PartitionItemReader(WorkItemRepository items, long runId, int partition, int lookAhead,
                        Consumer<Ingested> readAhead, Supplier<Set<String>> alreadyCommitted) {
        this.items = items;
        this.runId = runId;
        this.partition = partition;
        this.lookAhead = lookAhead;
        this.readAhead = readAhead;
        this.alreadyCommitted = alreadyCommitted;
    }

    @Override
    public void open(ExecutionContext context) {
        committed = alreadyCommitted.get();
        afterSeq = -1;
        exhausted = false;
        page.clear();
        buffer.clear();
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
        while (page.isEmpty() && !exhausted) {
            List<WorkItemRepository.WorkItem> next = items.page(runId, partition, afterSeq, PAGE);
            exhausted = next.size() < PAGE;
            for (WorkItemRepository.WorkItem item : next) {
                afterSeq = item.seq();
                if (!committed.contains(ArticleRepository.inputKey(item.item().sourcePath(), item.item().location()))) {
                    page.add(item.item());
                }
            }
        }
        return page.poll();
    }
}
