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
import java.util.function.Function;

/**
 * Starts each article's work (cache look-up, model calls, checks) as soon as the reader has read it, on a pool of
 * {@code warta.llm.concurrency} threads, so the endpoint is kept busy across chunk boundaries instead of idling
 * while a chunk waits for its slowest article and is written. The processor then only collects the result.
 * <p>
 * Nothing here needs saving for a restart: a translation is cached the moment it is made, so the work of items
 * read ahead but not yet committed is reused by the next run, never paid twice.
 */
class TranslationPrefetch implements StepExecutionListener {

    private final Function<Ingested, ArticleOutcome> work;
    private final ExecutorService calls;
    private final RunControl control;
    private final Map<Ingested, Future<ArticleOutcome>> started = new ConcurrentHashMap<>();

    TranslationPrefetch(Function<Ingested, ArticleOutcome> work, int concurrency, RunControl control) {
        this.work = work;
        this.control = control;
        this.calls = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "warta-call");
            thread.setDaemon(true);
            return thread;
        });
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
        return stepExecution.getExitStatus();
    }
}
