package dev.warta.llm.http;

import dev.warta.article.Sha256;

import java.util.Optional;

/**
 * Every successful answer of the endpoint, kept under a key of its exact request (the URL's path and the request
 * body: the model, the prompts, the article text, the feedback of a re-ask), so that a retry, a restart or a re-ask
 * never pays for the same request twice. Headers, and with them the API key, are not part of the key.
 * <p>
 * An answer the caller finds unusable (not the JSON asked for, a refusal, a content filter) must not be served
 * again for the same request, or asking again could never help: the caller says so with
 * {@link #rejectLastAnswerOfThisThread()} right after the call.
 */
public final class PaidAnswers {

    private final AnswerStore store;
    private final ThreadLocal<String> lastKey = new ThreadLocal<>();

    public PaidAnswers(AnswerStore store) {
        this.store = store;
    }

    /** The key an answer to {@code body}, sent to the URL path {@code path}, is kept under. */
    public static String key(String path, String body) {
        return Sha256.hex(path + "\n" + body);
    }

    Optional<String> find(String key) {
        lastKey.set(key);
        return store.find(key);
    }

    /** Keeps the answer of {@code call} and records the call's end (see {@link CallLog#answered}). */
    void keep(String key, String body, CallLog log, String call, CallLog.Result ended) {
        lastKey.set(key);
        log.answered(call, ended, store, key, body);
    }

    /** Forgets the answer of the last call made on this thread, so the same request goes to the endpoint again. */
    public void rejectLastAnswerOfThisThread() {
        String key = lastKey.get();
        if (key != null) {
            store.forget(key);
            lastKey.remove();
        }
    }

    /** Call before each model call, so a failed call does not leave the previous call's key behind. */
    public void startCall() {
        lastKey.remove();
    }
}
