package dev.warta.job;

import dev.warta.llm.http.AnswerStore;
import dev.warta.llm.http.CallLog;
import dev.warta.store.ModelAnswerRepository;
import dev.warta.store.ModelCallRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Connects the HTTP layer's answer store and call log to the database: answers are kept in
 * {@code warta_model_answer}, and each request sent is recorded in {@code warta_model_call} under the run it belongs
 * to. The engine is built before the run has its id, so the id is set when the step starts.
 * <p>
 * The database work runs on a thread of its own, never on the calling thread. The callers are the model-call
 * threads, which a stop interrupts; an interrupt that reaches a thread in the middle of H2's file I/O closes the
 * file channel and with it the whole database ({@code ClosedByInterruptException}). The caller waits for the work
 * to finish even when interrupted (it is short, and it is what keeps a paid answer), then keeps its interrupt.
 * <p>
 * Work that piles up while the thread is busy (other calls' rows and answers, at high concurrency) is committed
 * together, in one transaction, each piece in a savepoint of its own (group commit): with H2's {@code WRITE_DELAY=0}
 * each commit writes its pages to the file, so fewer commits cost less. Every caller still returns only once its
 * work is committed, so a row is in the database before its request is sent and an answer before it is used, as
 * when each had its own commit. A piece that fails is rolled back to its savepoint and done again alone after the
 * others are committed, and if the shared commit fails every piece is done again alone: each then fails or succeeds
 * exactly as it would have on its own.
 */
final class RunCallLog implements CallLog, AnswerStore {

    /** At most this many pieces of work share a commit. */
    private static final int MOST_PER_COMMIT = 64;

    private final ModelAnswerRepository answers;
    private final ModelCallRepository calls;
    private final TransactionTemplate together;
    private final TransactionTemplate eachInItsSavepoint;
    private final BlockingQueue<Work<?>> waiting = new LinkedBlockingQueue<>();
    private volatile Long runId;
    /** With {@code --force}: only answers received in this run are reused, older ones are bought again. */
    private volatile Instant answersSince;
    /** Why no more calls may be sent in this run (its budget is spent), asked in each call's turn. */
    private volatile Supplier<Optional<String>> refusal = Optional::empty;

    RunCallLog(ModelAnswerRepository answers, ModelCallRepository calls, PlatformTransactionManager transactions) {
        this.answers = answers;
        this.calls = calls;
        this.together = new TransactionTemplate(transactions);
        this.together.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.eachInItsSavepoint = new TransactionTemplate(transactions);
        this.eachInItsSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        Thread database = new Thread(this::commitWhatWaits, "warta-call-log");
        database.setDaemon(true);
        database.start();
    }

    void belongTo(long runId, boolean force) {
        if (force && this.runId != null && this.runId == runId && answersSince != null) {
            // the same forced run again (its batch phase, then its translation): what it bought since stays reusable
            return;
        }
        this.runId = runId;
        this.answersSince = force ? Instant.now() : null;
        this.refusal = Optional::empty;
    }

    /** From now on a call is refused, not sent, while {@code refusal} gives a reason (the run's budget). */
    void refuseCallsWhen(Supplier<Optional<String>> refusal) {
        this.refusal = refusal;
    }

    @Override
    public Optional<String> refusal() {
        return refusal.get();
    }

    @Override
    public String sending(int attempt) {
        Long run = runId;
        return onDatabaseThread(() -> calls.sending(run, attempt));
    }

    @Override
    public void finished(String call, Result result) {
        onDatabaseThread(() -> {
            finish(call, result);
            return null;
        });
    }

    /** The call's end and its kept answer in one transaction: one commit instead of two for every answer. */
    @Override
    public void answered(String call, Result result, AnswerStore store, String key, String body) {
        if (store != this) {
            CallLog.super.answered(call, result, store, key, body);
            return;
        }
        boolean replace = answersSince != null;
        onDatabaseThread(() -> {
            answers.keepWith(key, body, replace, () -> finish(call, result));
            return null;
        });
    }

    private void finish(String call, Result result) {
        calls.finished(call, result.outcome().code(), result.httpStatus() == 0 ? null : result.httpStatus(),
                result.promptTokens(), result.completionTokens(), result.tokensEstimated(), result.latencyMillis());
    }

    @Override
    public void reused(long promptTokens, long completionTokens) {
        Long run = runId;
        onDatabaseThread(() -> {
            calls.reused(run, promptTokens, completionTokens);
            return null;
        });
    }

    @Override
    public Optional<String> find(String key) {
        Instant since = answersSince;
        return onDatabaseThread(() -> answers.find(key, since));
    }

    @Override
    public void keep(String key, String body) {
        boolean replace = answersSince != null;
        onDatabaseThread(() -> {
            if (replace) {
                answers.replace(key, body);
            } else {
                answers.keep(key, body);
            }
            return null;
        });
    }

    @Override
    public void forget(String key) {
        onDatabaseThread(() -> {
            answers.forget(key);
            return null;
        });
    }

    private <T> T onDatabaseThread(Callable<T> work) {
        Work<T> queued = new Work<>(work, new CompletableFuture<>());
        waiting.add(queued);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queued.done().get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
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

    /** The database thread: takes what waits, one piece alone, or several under one commit. */
    private void commitWhatWaits() {
        List<Work<?>> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, MOST_PER_COMMIT - 1);
            if (batch.size() == 1) {
                batch.get(0).runAlone();
            } else {
                commitTogether(batch);
            }
        }
    }

    private void commitTogether(List<Work<?>> batch) {
        List<Work<?>> failed = new ArrayList<>();
        try {
            together.executeWithoutResult(status -> {
                failed.clear();
                for (Work<?> work : batch) {
                    if (!work.runIn(eachInItsSavepoint)) {
                        failed.add(work);
                    }
                }
            });
        } catch (RuntimeException | Error commitFailed) {
            // nothing of the batch is in the database: each piece again, as if it had come alone (and this thread,
            // which every call waits for, lives on)
            batch.forEach(Work::runAlone);
            return;
        }
        for (Work<?> work : batch) {
            if (failed.contains(work)) {
                work.runAlone();
            } else {
                work.succeed();
            }
        }
    }

    /** A piece of database work and the caller waiting for it. */
    private static final class Work<T> {

        private final Callable<T> task;
        private final CompletableFuture<T> done;
        private T result;

        Work(Callable<T> task, CompletableFuture<T> done) {
            this.task = task;
            this.done = done;
        }

        CompletableFuture<T> done() {
            return done;
        }

        void runAlone() {
            try {
                done.complete(task.call());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }

        /** Runs the task in a savepoint of the transaction under way; false (and nothing kept) when it failed. */
        boolean runIn(TransactionTemplate savepoint) {
            try {
                result = savepoint.execute(status -> {
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** After the shared commit: the caller gets what the task gave. */
        void succeed() {
            done.complete(result);
        }
    }
}
