package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.store.WorkItemRepository;

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
class PartitionItemReader extends LookAheadItemReader {

    private static final int PAGE = 100;

    private final WorkItemRepository items;
    private final long runId;
    private final int partition;
    private int afterSeq;
    private boolean exhausted;
    private final Deque<Ingested> page = new ArrayDeque<>();

    PartitionItemReader(WorkItemRepository items, long runId, int partition, int lookAhead,
                        Consumer<Ingested> readAhead, Supplier<Set<String>> alreadyCommitted) {
        super(lookAhead, readAhead, alreadyCommitted);
        this.items = items;
        this.runId = runId;
        this.partition = partition;
    }

    @Override
    void openSource() {
        afterSeq = -1;
        exhausted = false;
        page.clear();
    }

    @Override
    Ingested readNext() {
        while (page.isEmpty() && !exhausted) {
            List<WorkItemRepository.WorkItem> next = items.page(runId, partition, afterSeq, PAGE);
            exhausted = next.size() < PAGE;
            for (WorkItemRepository.WorkItem item : next) {
                afterSeq = item.seq();
                if (!committed(item.item().sourcePath(), item.item().location())) {
                    page.add(item.item());
                }
            }
        }
        return page.poll();
    }
}
