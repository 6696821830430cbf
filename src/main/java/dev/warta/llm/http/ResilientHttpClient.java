package dev.warta.llm.http;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's HTTP SPI on the JDK client, with the retries, pacing and circuit breaker of a {@link CallPolicy}.
 * Built by {@link ResilientHttpClientBuilder}; every client of one builder shares its limits, breaker and metrics.
 * <p>
 * Errors are thrown the way LangChain4j's own JDK client throws them, so {@code OpenAiChatModel} still maps them:
 * an HTTP error status as {@link HttpException} (429 becomes {@code RateLimitException}, 5xx
 * {@code InternalServerException}, 400 {@code InvalidRequestException}), a timeout as {@link TimeoutException}.
 * Warta's own: {@link EndpointUnavailableException} (circuit open) and {@link CallInterruptedException}.
 * <p>
 * Logs name the method and the URL without its query string, never a header: the API key stays out of the logs.
 */
public final class ResilientHttpClient implements HttpClient {

    private static final Logger log = LoggerFactory.getLogger(ResilientHttpClient.class);

    /**
     * The longest we wait because a provider said so. Beyond this the provider is telling us about a quota (hours
     * away), not a hiccup; after this wait the retry fails fast again and the call ends, rather than the run
     * sleeping for hours.
     */
    static final Duration MAX_PROVIDER_WAIT = Duration.ofMinutes(5);

    /** 408 and 429 ask us to come back; 500, 502, 503, 504 and 529 (overloaded) are usually short-lived. */
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504, 529);

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final java.net.http.HttpClient jdk;
    private final Duration timeout;
    private final CallPolicy policy;
    private final CallMetrics metrics;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;

    ResilientHttpClient(java.net.http.HttpClient jdk, Duration timeout, CallPolicy policy, CallMetrics metrics,
                        RateLimiter rateLimiter, CircuitBreaker circuitBreaker) {
        this.jdk = jdk;
        this.timeout = timeout;
        this.policy = policy;
        this.metrics = metrics;
        this.rateLimiter = rateLimiter;
        this.circuitBreaker = circuitBreaker;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
        circuitBreaker.ensureClosed();
        String target = request.method() + " " + withoutQuery(request.url());
        java.net.http.HttpRequest jdkRequest = toJdkRequest(request);
        long estimatedTokens = rateLimiter.limitsTokens() ? TokenEstimate.ofRequest(request.body()) : 0;
        try {
            for (int attempt = 0; ; attempt++) {
                Outcome outcome = attempt(target, jdkRequest, estimatedTokens, attempt);
                if (outcome.response() != null) {
                    return outcome.response();
                }
                TimeUnit.NANOSECONDS.sleep(outcome.retryIn().toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(target, e);
        }
    }

    /** What one attempt came to, unless it threw the exception that ends the call. */
    private record Outcome(SuccessfulHttpResponse response, Duration retryIn) {

        static Outcome success(SuccessfulHttpResponse response) {
            return new Outcome(response, null);
        }

        static Outcome retryIn(Duration wait) {
            return new Outcome(null, wait);
        }
    }

    private Outcome attempt(String target, java.net.http.HttpRequest jdkRequest, long estimatedTokens, int attempt)
            throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before attempt " + (attempt + 1));
        }
        circuitBreaker.ensureClosed();
        rateLimiter.acquire(estimatedTokens);
        // Another thread may have opened the circuit while this one waited for its turn.
        circuitBreaker.ensureClosed();
        metrics.recordRequest(attempt > 0);
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            String failure = "timeout after " + timeout.toMillis() + " ms";
            if (attempt >= policy.maxRetries()) {
                throw failCall(target, failure, new TimeoutException(e));
            }
            return retryAfterBackoff(target, failure, attempt);
        } catch (IOException e) {
            String failure = describe(e);
            if (attempt >= policy.maxRetries()) {
                throw failCall(target, failure, new LangChain4jException(target + " failed: " + failure, e));
            }
            return retryAfterBackoff(target, failure, attempt);
        }
        long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int status = response.statusCode();
        ProviderHeaders.exhaustedWindowReset(response.headers()).ifPresent(reset -> {
            log.info("{}: provider rate-limit window exhausted; holding new calls for {} ms", target,
                    reset.toMillis());
            rateLimiter.holdFor(capped(reset));
        });
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) {
            log.debug("{} -> HTTP {} in {} ms", target, status, latencyMillis);
            metrics.recordLatency(latencyMillis);
            circuitBreaker.recordAnswer();
            if (rateLimiter.limitsTokens()) {
                rateLimiter.correctTokens(estimatedTokens, TokenEstimate.reportedBy(body));
            }
            return Outcome.success(SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(response.headers().map())
                    .body(response.body())
                    .build());
        }
        HttpException error = new HttpException(status, body);
        String failure = "HTTP " + status;
        if (!RETRYABLE_STATUSES.contains(status)) {
            if (status >= 500) {
                throw failCall(target, failure, error);
            }
            // A client error says our request is wrong, not that the endpoint is unwell.
            log.warn("{} -> {} (not retried)", target, failure);
            circuitBreaker.recordAnswer();
            metrics.recordFailure();
            throw error;
        }
        if (attempt >= policy.maxRetries()) {
            throw failCall(target, failure, error);
        }
        Optional<Duration> providerWait = ProviderHeaders.retryAfter(response.headers(), Instant.now());
        if (providerWait.isEmpty()) {
            return retryAfterBackoff(target, failure, attempt);
        }
        Duration wait = capped(providerWait.get());
        // The provider's wait applies to everyone: other threads must not spend it sending doomed requests.
        rateLimiter.holdFor(wait);
        log.warn("{} -> {}; retry {}/{} in {} ms as the provider asked", target, failure, attempt + 1,
                policy.maxRetries(), wait.toMillis());
        return Outcome.retryIn(wait);
    }

    private Outcome retryAfterBackoff(String target, String failure, int attempt) {
        Duration wait = jitteredBackoff(attempt);
        log.warn("{} -> {}; retry {}/{} in {} ms", target, failure, attempt + 1, policy.maxRetries(),
                wait.toMillis());
        return Outcome.retryIn(wait);
    }

    /** "Full jitter": uniform between zero and the exponential bound, so retrying threads spread out. */
    private Duration jitteredBackoff(int attempt) {
        long cap = policy.maxBackoff().toNanos();
        long ceiling = policy.initialBackoff().toNanos();
        for (int i = 0; i < attempt && ceiling < cap; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap);
        return Duration.ofNanos(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private RuntimeException failCall(String target, String failure, RuntimeException error) {
        metrics.recordFailure();
        if (circuitBreaker.recordFailure(failure)) {
            log.error("{} -> {}; circuit opened: no further calls will be sent to this endpoint", target, failure);
        } else {
            log.warn("{} -> {}; giving up after {} attempts", target, failure, policy.maxRetries() + 1);
        }
        return error;
    }

    /** The exception's class with the first message in its chain: the JDK's ConnectException often has none. */
    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return e.getClass().getSimpleName() + " (" + t.getMessage() + ")";
            }
        }
        return e.getClass().getSimpleName();
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(MAX_PROVIDER_WAIT) > 0 ? MAX_PROVIDER_WAIT : wait;
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not supported: " + request.method()
                    + " " + withoutQuery(request.url()));
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        return builder.build();
    }

    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Warta does not stream: it needs the whole JSON answer before it can use any of it. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not supported by " + getClass().getSimpleName());
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not supported by " + getClass().getSimpleName());
    }
}
