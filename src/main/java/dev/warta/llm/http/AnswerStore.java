package dev.warta.llm.http;

import java.util.Optional;

/**
 * Where the answers already paid for are kept, by a key of their exact request (see {@link PaidAnswers}). An
 * implementation must make {@link #keep} durable before it returns: a process killed a moment later must still
 * find the answer, so the same request is never bought twice.
 */
public interface AnswerStore {

    /** Keeps nothing: every request goes to the endpoint. */
    AnswerStore NONE = new AnswerStore() {
        @Override
        public Optional<String> find(String key) {
            return Optional.empty();
        }

        @Override
        public void keep(String key, String body) {
        }

        @Override
        public void forget(String key) {
        }
    };

    Optional<String> find(String key);

    /** Stores the answer unless one is already kept under the key. */
    void keep(String key, String body);

    void forget(String key);
}
