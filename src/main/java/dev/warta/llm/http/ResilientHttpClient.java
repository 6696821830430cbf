package dev.warta.llm.http;

import dev.langchain4j.exception.HttpException;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's HTTP SPI on the JDK client, with the retries, pacing and circuit breaker of a {@link CallPolicy}.
 * Built by {@link ResilientHttpClientBuilder}; every client of one builder shares its limits, breaker and metrics.
 * <p>
 * Errors are thrown the way LangChain4j's own JDK client throws them, so {@code OpenAiChatModel} still maps them:
 * an HTTP error status as {@link HttpException} (429 becomes {@code RateLimitException}, 5xx
 * {@code InternalServerException}, 400 {@code InvalidRequestException}), a timeout as {@link TimeoutException}.
 * Warta's own: {@link EndpointRejectedException} (401/403/404: a setting is wrong, nothing more is sent),
 * {@link EndpointFaultException} (unreachable, or answers cut off in transit, after the retries),
 * {@link EndpointUnavailableException} (circuit open) and {@link CallInterruptedException}.
 * <p>
 * A 2xx answer whose body is not a JSON object (cut off mid-way by a dropped connection or a proxy) is a transport
 * fault and retried like a 5xx. Every answer that arrives whole is kept in the {@link PaidAnswers} before it is
 * returned, and an identical request is served from there without being sent. Every request sent is recorded in the
 * {@link CallLog} before it goes out and when it ends.
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
    private final PaidAnswers answers;
    private final CallLog callLog;
    /** Permits for calls under way; shared by every client of one builder (see {@link #execute}). */
    private final Semaphore inFlight;

    ResilientHttpClient(java.net.http.HttpClient jdk, Duration timeout, CallPolicy policy, CallMetrics metrics,
                        RateLimiter rateLimiter, CircuitBreaker circuitBreaker, PaidAnswers answers,
                        CallLog callLog, Semaphore inFlight) {
        this.jdk = jdk;
        this.timeout = timeout;
        this.policy = policy;
        this.metrics = metrics;
        this.rateLimiter = rateLimiter;
        this.circuitBreaker = circuitBreaker;
        this.answers = answers;
        this.callLog = callLog;
        this.inFlight = inFlight;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
        String target = request.method() + " " + withoutQuery(request.url());
        // An answer already paid for is served even when the endpoint is down: it needs no endpoint.
        String key = request.body() == null ? null : PaidAnswers.key(URI.create(request.url()).getPath(), request.body());
        if (key != null) {
            Optional<String> kept = answers.find(key);
            if (kept.isPresent()) {
                log.debug("{}: answer reused from an earlier identical request, nothing sent", target);
                long[] usage = TokenEstimate.answer(kept.get()).tokens();
                callLog.reused(usage == null ? 0 : usage[0], usage == null ? 0 : usage[1]);
                return SuccessfulHttpResponse.builder()
                        .statusCode(200)
                        .headers(Map.of("content-type", List.of("application/json")))
                        .body(kept.get())
                        .build();
            }
        }
        circuitBreaker.ensureClosed();
        java.net.http.HttpRequest jdkRequest = toJdkRequest(request);
        long estimatedTokens = rateLimiter.limitsTokens() ? TokenEstimate.ofRequest(request.body()) : 0;
        try {
            for (int attempt = 0; ; attempt++) {
                Outcome outcome;
                // Each attempt holds one of the builder's permits from its turn at the rate limiter until its answer
                // is kept or its failure counted: however many threads prepare calls, no more are under way at once
                // than allowed, and the next one starts knowing what this one cost and whether the circuit opened.
                // Fair, so calls go out in the order they queued. Not held during a retry's wait.
                inFlight.acquire();
                try {
                    outcome = attempt(target, request, jdkRequest, estimatedTokens, attempt);
                    if (outcome.response() != null) {
                        if (key != null) {
                            // kept with the call's end, not after it: never counted as answered without the answer
                            answers.keep(key, outcome.response().body(), callLog, outcome.call(), outcome.ended());
                        } else {
                            callLog.finished(outcome.call(), outcome.ended());
                        }
                    }
                } finally {
                    inFlight.release();
                }
                if (outcome.response() != null) {
                    if (Thread.currentThread().isInterrupted()) {
                        // a stop came while the answer was kept: it is there for the next run; this work ends here
                        throw new InterruptedException("interrupted after the answer was kept");
                    }
                    return outcome.response();
                }
                TimeUnit.NANOSECONDS.sleep(outcome.retryIn().toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(target, e);
        }
    }

    /**
     * What one attempt came to, unless it threw the exception that ends the call. A success's end is not recorded
     * yet: the caller records it with the answer kept ({@code call}, {@code ended}).
     */
    private record Outcome(SuccessfulHttpResponse response, Duration retryIn, String call, CallLog.Result ended) {

        static Outcome success(SuccessfulHttpResponse response, String call, CallLog.Result ended) {
            return new Outcome(response, null, call, ended);
        }

        static Outcome retryIn(Duration wait) {
            return new Outcome(null, wait, null, null);
        }
    }

    private Outcome attempt(String target, HttpRequest request, java.net.http.HttpRequest jdkRequest,
                            long estimatedTokens, int attempt) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before attempt " + (attempt + 1));
        }
        circuitBreaker.ensureClosed();
        rateLimiter.acquire(estimatedTokens);
        // Another thread may have opened the circuit, or spent the budget, while this one waited for its turn.
        circuitBreaker.ensureClosed();
        java.util.Optional<String> refusal = callLog.refusal();
        if (refusal.isPresent()) {
            throw new CallRefusedException(refusal.get());
        }
        metrics.recordRequest(attempt > 0);
        String call = callLog.sending(attempt);
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = sendWithinTimeout(jdkRequest);
        } catch (HttpTimeoutException e) {
            callLog.finished(call, failed(CallLog.Outcome.TIMEOUT, 0, started));
            String failure = "timeout after " + timeout.toMillis() + " ms";
            if (attempt >= policy.maxRetries()) {
                throw failCall(target, failure, new TimeoutException(e));
            }
            return retryAfterBackoff(target, failure, attempt);
        } catch (IOException e) {
            boolean unreachable = neverReached(e);
            callLog.finished(call, failed(unreachable ? CallLog.Outcome.UNREACHABLE : CallLog.Outcome.IO_ERROR, 0,
                    started));
            String failure = describe(e, request.url());
            if (attempt >= policy.maxRetries()) {
                throw failCall(target, failure, new EndpointFaultException(
                        (unreachable ? "cannot reach the endpoint: " : "the connection to the endpoint broke: ")
                                + failure + tries(attempt), e));
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
            TokenEstimate.Answer answer = TokenEstimate.answer(body);
            if (!isFileContent(request) && !answer.jsonObject()) {
                // the connection dropped mid-answer, or a proxy sent something else: a transport fault, so retried;
                // the provider most likely billed it, so it is counted with our estimate of its tokens
                long[] guess = TokenEstimate.guess(request.body(), body);
                metrics.recordPaidTokens(guess[0], guess[1]);
                callLog.finished(call, new CallLog.Result(CallLog.Outcome.UNPARSEABLE, status, guess[0], guess[1],
                        true, latencyMillis));
                String failure = "answer cut off or not JSON (HTTP " + status + ", " + response.body().length
                        + " bytes)";
                if (attempt >= policy.maxRetries()) {
                    throw failCall(target, failure, new EndpointFaultException(
                            "the endpoint's answer was cut off or not the API's JSON" + tries(attempt), null));
                }
                return retryAfterBackoff(target, failure, attempt);
            }
            log.debug("{} -> HTTP {} in {} ms", target, status, latencyMillis);
            long[] usage = answer.tokens();
            long[] paid = usage != null ? usage : TokenEstimate.guess(request.body(), body);
            metrics.recordPaidTokens(paid[0], paid[1]);
            CallLog.Result answered = new CallLog.Result(CallLog.Outcome.ANSWERED, status, paid[0], paid[1],
                    usage == null, latencyMillis);
            metrics.recordLatency(latencyMillis);
            circuitBreaker.recordAnswer();
            if (rateLimiter.limitsTokens()) {
                rateLimiter.correctTokens(estimatedTokens, answer.reportedTotal());
            }
            return Outcome.success(SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(response.headers().map())
                    .body(response.body())
                    .build(), call, answered);
        }
        callLog.finished(call, new CallLog.Result(CallLog.Outcome.HTTP_ERROR, status, 0, 0, false, latencyMillis));
        String rejection = rejection(status, request);
        if (rejection != null) {
            // no other article and no later retry can fix a wrong key, URL or model: stop sending at once
            log.error("{} -> HTTP {}: {}", target, status, rejection);
            metrics.recordFailure();
            circuitBreaker.reject(rejection);
            throw new EndpointRejectedException(rejection, status);
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

    /**
     * Sends the request and reads the whole answer within the per-attempt timeout. The JDK's request timeout ends
     * when the response headers arrive, so a body that stalls half-way would otherwise hold the call for ever.
     */
    private HttpResponse<byte[]> sendWithinTimeout(java.net.http.HttpRequest jdkRequest)
            throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> exchange =
                jdk.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    private static CallLog.Result failed(CallLog.Outcome outcome, int status, long startedNanos) {
        return new CallLog.Result(outcome, status, 0, 0, false,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }

    private String tries(int attempt) {
        return attempt == 0 ? "" : " (" + (attempt + 1) + " attempts)";
    }

    /**
     * What a 401, 403 or 404 means for the operator, or null for any other status. These answers say a setting is
     * wrong (the key, the base URL, the model), not that the endpoint is unwell or the article is at fault.
     */
    static String rejection(int status, HttpRequest request) {
        if (status == 401 || status == 403) {
            return "the endpoint rejected the API key (HTTP " + status + ")";
        }
        if (status != 404) {
            return null;
        }
        String url = withoutQuery(request.url());
        int operation = url.lastIndexOf("/chat/completions");
        if (operation < 0) {
            // another operation (the Batch API's files and batches): the model and the base URL may be right
            return "nothing found at " + url + " (HTTP 404)";
        }
        String baseUrl = operation > 0 ? url.substring(0, operation) : url;
        String model = modelOf(request.body());
        String what = model == null ? "nothing found" : "model '" + model + "' not found";
        String path = URI.create(baseUrl).getPath();
        String hint = path != null && path.matches(".*/v\\d+[a-z]*") ? "; check warta.llm.model (OPENAI_MODEL)"
                : "; is the base URL missing /v1?";
        return what + " at " + baseUrl + " (HTTP 404)" + hint;
    }

    private static String modelOf(String body) {
        if (body == null) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode model = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(body).get("model");
            return model == null || !model.isTextual() ? null : model.asText();
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** The request never left this machine, or never reached a server: nothing can have been billed. */
    private static boolean neverReached(IOException e) {
        return e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException
                || e instanceof java.net.UnknownHostException || e instanceof java.net.NoRouteToHostException
                || e.getCause() instanceof java.net.ConnectException
                || e.getCause() instanceof java.nio.channels.UnresolvedAddressException;
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

    /**
     * What went wrong, in an operator's words, with the host and port: the JDK's {@code ConnectException} often
     * has no message at all.
     */
    static String describe(IOException e, String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String where = uri.getHost() + ":" + port;
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return where + ": connection timed out";
        }
        if (e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException) {
            return where + ": connection refused";
        }
        if (e instanceof java.net.UnknownHostException
                || e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return where + ": unknown host";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return where + ": " + e.getClass().getSimpleName() + " (" + t.getMessage() + ")";
            }
        }
        return where + ": " + e.getClass().getSimpleName();
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

    /**
     * A file download of the Batch API ({@code GET …/files/{id}/content}): JSON Lines, not one JSON object; the batch
     * reader checks its lines itself.
     */
    private static boolean isFileContent(HttpRequest request) {
        return request.method() == dev.langchain4j.http.client.HttpMethod.GET
                && withoutQuery(request.url()).matches(".*/files/[^/]+/content");
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
