package dev.warta.job;

import dev.warta.llm.http.AnswerStore;
import dev.warta.llm.http.CallLog;
import dev.warta.store.ModelAnswerRepository;
import dev.warta.store.ModelCallRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 */
final class RunCallLog implements CallLog, AnswerStore {

    private final ModelAnswerRepository answers;
    private final ModelCallRepository calls;
    private final ExecutorService database = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "warta-call-log");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Long runId;
    /** With {@code --force}: only answers received in this run are reused, older ones are bought again. */
    private volatile Instant answersSince;
    /** Why no more calls may be sent in this run (its budget is spent), asked in each call's turn. */
    private volatile Supplier<Optional<String>> refusal = Optional::empty;

    RunCallLog(ModelAnswerRepository answers, ModelCallRepository calls) {
        this.answers = answers;
        this.calls = calls;
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
        Future<T> done = database.submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
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
}
