package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.store.ArticleOutcome;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Starts each article's work (cache look-up, model calls, checks) as soon as the reader has read it, on a pool of
 * {@link #threadsFor a few more threads than} {@code warta.llm.concurrency}, so the endpoint is kept busy across
 * chunk boundaries instead of idling while a chunk waits for its slowest article and is written. The processor then
 * only collects the result.
 * <p>
 * The HTTP layer lets no more than {@code warta.llm.concurrency} requests onto the wire at once; the spare threads
 * prepare the next article (glossary, chunks, prompt) and check the last answer while the others wait for theirs,
 * so a call slot is never held by work that is not a call. The reader keeps {@link #lookAheadFor} articles started
 * beyond the one it hands out, enough that the threads stay busy while a chunk waits for a long article, whose
 * chunks must go one after another: the other articles' calls fill the gaps.
 * <p>
 * Nothing here needs saving for a restart: a translation is cached the moment it is made, so the work of items
 * read ahead but not yet committed is reused by the next run, never paid twice.
 */
class TranslationPrefetch implements StepExecutionListener {

    /** Bounded, so that an endpoint that hangs cannot hold a stopping run beyond its grace period. */
    private static final long FINISH_STARTED_WORK_SECONDS = 90;

    private final Function<Ingested, ArticleOutcome> work;
    private final ExecutorService calls;
    private final RunControl control;
    private final Map<Ingested, Future<ArticleOutcome>> started = new ConcurrentHashMap<>();

    /**
     * @param threads see {@link #threadsFor}
     */
    TranslationPrefetch(Function<Ingested, ArticleOutcome> work, int threads, RunControl control) {
        this.work = work;
        this.control = control;
        this.calls = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "warta-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Threads for {@code concurrency} calls in flight: a quarter more (at least two), for the work between calls.
     * Bounded so that a stop or a spent budget leaves only a few more articles under way than calls in flight.
     */
    static int threadsFor(int concurrency) {
        return concurrency + Math.max(2, concurrency / 4);
    }

    /**
     * Articles to keep started ahead of the one handed to the chunk: four rounds of calls. A chunk waits for its
     * slowest article (a long one makes several calls in a row) before it is written and the next is read; the
     * threads work through the articles started ahead meanwhile.
     */
    static int lookAheadFor(int concurrency) {
        return 4 * concurrency;
    }

    /** Called by the reader for every item it reads; a stop request starts no new work. */
    void start(Ingested item) {
        if (!control.stopRequested()) {
            started.computeIfAbsent(item, key -> calls.submit(() -> work.apply(key)));
        }
    }

    /** The outcome of an item: the work started for it, or done now if none was started. */
    ArticleOutcome outcome(Ingested item) throws Exception {
        Future<ArticleOutcome> future = started.remove(item);
        if (future == null) {
            return work.apply(item);
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        // Read ahead but never handed out (a stop, a failure): work not begun is dropped; work under way finishes on
        // its own, so an answer already being paid for is still cached for the next run. No interrupts: a thread
        // interrupted inside an H2 write closes the database file under the whole job.
        started.values().forEach(future -> future.cancel(false));
        started.clear();
        calls.shutdown();
        // The work under way is more than the calls in flight: a spare thread may be waiting for its turn to call.
        // Wait for it, so that what it pays for is kept before the process ends, not paid again by the next run.
        try {
            calls.awaitTermination(FINISH_STARTED_WORK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stepExecution.getExitStatus();
    }
}
