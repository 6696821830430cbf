package dev.warta.job;

import dev.warta.llm.http.AnswerStore;
import dev.warta.llm.http.CallLog;
import dev.warta.store.ModelAnswerRepository;
import dev.warta.store.ModelCallRepository;

import java.time.Instant;
import java.util.Optional;

/**
 * Connects the HTTP layer's answer store and call log to the database: answers are kept in
 * {@code warta_model_answer}, and each request sent is recorded in {@code warta_model_call} under the run it belongs
 * to. The engine is built before the run has its id, so the id is set when the step starts.
 */
final class RunCallLog implements CallLog, AnswerStore {

    private final ModelAnswerRepository answers;
    private final ModelCallRepository calls;
    private volatile Long runId;
    /** With {@code --force}: only answers received in this run are reused, older ones are bought again. */
    private volatile Instant answersSince;

    RunCallLog(ModelAnswerRepository answers, ModelCallRepository calls) {
        this.answers = answers;
        this.calls = calls;
    }

    void belongTo(long runId, boolean force) {
        this.runId = runId;
        this.answersSince = force ? Instant.now() : null;
    }

    @Override
    public String sending(int attempt) {
        return calls.sending(runId, attempt);
    }

    @Override
    public void finished(String call, Result result) {
        calls.finished(call, result.outcome().code(), result.httpStatus() == 0 ? null : result.httpStatus(),
                result.promptTokens(), result.completionTokens(), result.tokensEstimated(), result.latencyMillis());
    }

    @Override
    public void reused(long promptTokens, long completionTokens) {
        calls.reused(runId, promptTokens, completionTokens);
    }

    @Override
    public Optional<String> find(String key) {
        return answers.find(key, answersSince);
    }

    @Override
    public void keep(String key, String body) {
        if (answersSince == null) {
            answers.keep(key, body);
        } else {
            answers.replace(key, body);
        }
    }

    @Override
    public void forget(String key) {
        answers.forget(key);
    }
}
