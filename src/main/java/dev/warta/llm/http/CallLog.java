package dev.warta.llm.http;

/**
 * A record of every request sent to the endpoint, written as it happens, so that what a run paid for is known even
 * when the process is killed before the run ends: a row is written before the request is sent and completed when
 * its answer (or failure) arrives.
 */
public interface CallLog {

    /** Records nothing. */
    CallLog NONE = new CallLog() {
        @Override
        public String sending(int attempt) {
            return "";
        }

        @Override
        public void finished(String call, Result result) {
        }

        @Override
        public void reused(long promptTokens, long completionTokens) {
        }
    };

    /** How a request ended, and the tokens it cost. */
    enum Outcome {
        /** Sent, no end recorded: the process died while waiting for the answer. Only ever seen in the store. */
        SENT,
        /** A usable answer (2xx with the API's JSON). */
        ANSWERED,
        /** 2xx, but the body was cut off or not the API's JSON: paid for, probably, and retried. */
        UNPARSEABLE,
        /** An HTTP error status. */
        HTTP_ERROR,
        TIMEOUT,
        /** The connection broke after the request went out. */
        IO_ERROR,
        /** The request never reached the endpoint (connection refused, unknown host). Not a call. */
        UNREACHABLE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param tokensEstimated the tokens are our estimate (the answer carried no usable {@code usage})
     */
    record Result(Outcome outcome, int httpStatus, long promptTokens, long completionTokens, boolean tokensEstimated,
                  long latencyMillis) {
    }

    /**
     * Why no request may be sent now, asked in each call's turn just before it would be sent (after the wait for a
     * free place): the run's budget, spent by the calls that went before. A reason refuses the call with a
     * {@link CallRefusedException}; nothing is sent or recorded. Empty by default.
     */
    default java.util.Optional<String> refusal() {
        return java.util.Optional.empty();
    }

    /** A request is about to be sent; returns the id to finish it with. */
    String sending(int attempt);

    void finished(String call, Result result);

    /**
     * A request ended with a usable answer, to be kept in {@code store} under {@code key}. The answer is kept before
     * the end is recorded, so that no call counts as answered (paid) without its answer kept; a log that is itself
     * the store does both in one transaction.
     */
    default void answered(String call, Result result, AnswerStore store, String key, String body) {
        store.keep(key, body);
        finished(call, result);
    }

    /** An answer was served from the kept answers: nothing was sent, nothing paid. */
    void reused(long promptTokens, long completionTokens);
}
