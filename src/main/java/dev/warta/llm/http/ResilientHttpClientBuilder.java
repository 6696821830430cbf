package dev.warta.llm.http;

import dev.langchain4j.http.client.HttpClientBuilder;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds {@link ResilientHttpClient}s for LangChain4j: pass it to {@code OpenAiChatModel.builder().httpClientBuilder(..)}
 * together with {@code .maxRetries(0)} (retrying is done here, honouring {@code Retry-After}).
 * <p>
 * The rate limits, the circuit breaker and the metrics live in the builder, so every client it builds (one per
 * model, however many threads use them) shares them: that is what makes the limits hold for the whole run.
 * <p>
 * Timeouts: the per-attempt timeout is {@link CallPolicy#timeout()}, whatever {@link #readTimeout(Duration)} is
 * given. {@code OpenAiChatModel} always passes a read timeout, its own default (60 s) when none was set, so the
 * builder cannot tell a chosen value from a default; one knob, the policy, is the one that counts. The connect
 * timeout given is used, bounded by the policy's timeout.
 */
public final class ResilientHttpClientBuilder implements HttpClientBuilder {

    private final CallPolicy policy;
    private final CallMetrics metrics;
    private RateLimiter rateLimiter;
    private CircuitBreaker circuitBreaker;
    private PaidAnswers answers = new PaidAnswers(AnswerStore.NONE);
    private CallLog callLog = CallLog.NONE;
    private Duration connectTimeout;
    private Duration readTimeout;
    private java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(Integer.MAX_VALUE);

    public ResilientHttpClientBuilder(CallPolicy policy, CallMetrics metrics) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.rateLimiter = new RateLimiter(policy.requestsPerMinute(), policy.tokensPerMinute());
        this.circuitBreaker = new CircuitBreaker(policy.circuitBreakerThreshold());
        this.connectTimeout = policy.timeout();
        this.readTimeout = policy.timeout();
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public ResilientHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Recorded for the SPI, not used: {@link CallPolicy#timeout()} is the per-attempt timeout (see the class comment).
     */
    @Override
    public ResilientHttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    @Override
    public ResilientHttpClient build() {
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
                // HTTP/1.1: on plain http the JDK's HTTP/2 attempt adds an h2c upgrade that local servers mishandle,
                // and OpenAI-compatible APIs gain nothing from HTTP/2 for one request per connection at a time.
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout.compareTo(policy.timeout()) < 0 ? connectTimeout : policy.timeout())
                .build();
        return new ResilientHttpClient(jdk, policy.timeout(), policy, metrics, rateLimiter, circuitBreaker, answers,
                callLog, inFlight);
    }

    /** Keep every successful answer in {@code store} and serve it again for the same request (see {@link PaidAnswers}). */
    public ResilientHttpClientBuilder answerStore(AnswerStore store) {
        this.answers = new PaidAnswers(Objects.requireNonNull(store, "store"));
        return this;
    }

    /**
     * At most {@code calls} calls under way at once (sent and not yet answered and kept), over every thread and
     * every client of this builder ({@code warta.llm.concurrency}). Callers may then use more threads than that:
     * while some prepare prompts and check answers, the others keep the endpoint busy. Unlimited unless set.
     */
    public ResilientHttpClientBuilder maxInFlight(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + calls);
        }
        this.inFlight = new java.util.concurrent.Semaphore(calls, true);
        return this;
    }

    /**
     * Share the rate limits, the holds and the circuit breaker's verdict with the other processes of the run
     * (scale-out); call before {@link #build()}.
     */
    public ResilientHttpClientBuilder sharedLimits(SharedLimits shared) {
        this.rateLimiter = new RateLimiter(policy.requestsPerMinute(), policy.tokensPerMinute(),
                Objects.requireNonNull(shared, "shared"));
        this.circuitBreaker = new CircuitBreaker(policy.circuitBreakerThreshold(), shared);
        return this;
    }

    /** Record every request sent, as it happens. */
    public ResilientHttpClientBuilder callLog(CallLog callLog) {
        this.callLog = Objects.requireNonNull(callLog, "callLog");
        return this;
    }

    /** The answers kept by the clients of this builder; the caller rejects the ones it cannot use. */
    public PaidAnswers paidAnswers() {
        return answers;
    }

    public CallPolicy policy() {
        return policy;
    }

    public CallMetrics metrics() {
        return metrics;
    }

    /**
     * True once the endpoint failed {@link CallPolicy#circuitBreakerThreshold()} calls in a row, or rejected the
     * settings (key, URL, model).
     */
    public boolean circuitOpen() {
        return circuitBreaker.isOpen();
    }

    /** Closes the circuit again, e.g. before a new run in a long-lived process. */
    public void resetCircuit() {
        circuitBreaker.reset();
    }

    private static Duration positive(Duration timeout, String name) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + timeout);
        }
        return timeout;
    }
}
