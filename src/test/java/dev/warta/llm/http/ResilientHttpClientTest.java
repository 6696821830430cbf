package dev.warta.llm.http;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.OpenAiStub.RecordedRequest;
import dev.warta.testing.OpenAiStub.StubResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client over real HTTP against the local OpenAI stub: what it retries, how long it waits, when it stops.
 * Backoffs are a few milliseconds here so that every wait a test measures is one the client was told to make.
 */
class ResilientHttpClientTest {

    private static final CallPolicy FAST = new CallPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20),
            Duration.ofSeconds(5), 0, 0, 5);
    private static final String CHAT_BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Halo\"}]}";

    private OpenAiStub stub;
    private CallMetrics metrics;

    @BeforeEach
    void startStub() {
        stub = OpenAiStub.start();
        metrics = new CallMetrics();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private ResilientHttpClient client(CallPolicy policy) {
        return new ResilientHttpClientBuilder(policy, metrics).build();
    }

    private HttpRequest chat(String body) {
        return HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(stub.baseUrl() + "/chat/completions")
                .addHeader("Authorization", "Bearer sk-test-secret")
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static StubResponse ok() {
        return OpenAiStub.completion("Hello", "stop", 10, 2);
    }

    /** Answers with {@code first}, then {@code second}, ... and repeats the last one for ever. */
    private static Function<RecordedRequest, StubResponse> inTurn(StubResponse... responses) {
        AtomicInteger next = new AtomicInteger();
        return request -> responses[Math.min(next.getAndIncrement(), responses.length - 1)];
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Test
    void sendsMethodHeadersAndBodyAndReturnsTheAnswer() {
        stub.respondWith(request -> ok());

        SuccessfulHttpResponse response = client(FAST).execute(chat(CHAT_BODY));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"content\":\"Hello\"");
        RecordedRequest sent = stub.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(sent.body().path("messages").get(0).path("content").asText()).isEqualTo("Halo");
    }

    @Test
    void tooManyRequestsWithRetryAfterSecondsWaitsThatLongThenSucceeds() {
        stub.respondWith(inTurn(StubResponse.error(429, "slow down").withHeader("Retry-After", "1"), ok()));

        long start = System.nanoTime();
        SuccessfulHttpResponse response = client(FAST).execute(chat(CHAT_BODY));

        assertThat(response.statusCode()).isEqualTo(200);
        // The jittered backoff alone would be at most 5 ms: only Retry-After explains a one-second wait.
        assertThat(millisSince(start)).isBetween(950L, 3_000L);
        assertThat(stub.requests()).hasSize(2);
        assertThat(metrics.snapshot().calls()).isEqualTo(2);
        assertThat(metrics.snapshot().retries()).isEqualTo(1);
        assertThat(metrics.snapshot().failures()).isZero();
    }

    @Test
    void retryAfterMillisecondsIsHonouredToo() {
        stub.respondWith(inTurn(StubResponse.error(429, "slow down").withHeader("retry-after-ms", "300"), ok()));

        long start = System.nanoTime();
        client(FAST).execute(chat(CHAT_BODY));

        assertThat(millisSince(start)).isBetween(280L, 1_500L);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedThenTheLastOneIsThrown() {
        stub.respondWith(request -> StubResponse.error(503, "overloaded"));

        assertThatThrownBy(() -> client(FAST).execute(chat(CHAT_BODY)))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.statusCode()).isEqualTo(503));

        assertThat(stub.requests()).hasSize(1 + FAST.maxRetries());
        assertThat(metrics.snapshot().retries()).isEqualTo(FAST.maxRetries());
        assertThat(metrics.snapshot().failures()).isEqualTo(1);
    }

    @Test
    void transientServerErrorThenSuccess() {
        stub.respondWith(inTurn(StubResponse.error(502, "bad gateway"), StubResponse.error(500, "oops"), ok()));

        assertThat(client(FAST).execute(chat(CHAT_BODY)).statusCode()).isEqualTo(200);

        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void badRequestIsNotRetried() {
        stub.respondWith(request -> StubResponse.error(400, "bad schema"));

        assertThatThrownBy(() -> client(FAST).execute(chat(CHAT_BODY)))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.statusCode()).isEqualTo(400));

        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void timeoutIsRetriedAndTheSecondAttemptSucceeds() {
        stub.respondWith(inTurn(ok().delayed(1_500), ok()));

        long start = System.nanoTime();
        SuccessfulHttpResponse response = client(FAST.withTimeout(Duration.ofMillis(300))).execute(chat(CHAT_BODY));

        assertThat(response.statusCode()).isEqualTo(200);
        // Less than the 1.5 s the first answer would have taken: the client gave up on it and asked again.
        assertThat(millisSince(start)).isBetween(290L, 1_499L);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void timeoutsToTheEndBecomeLangChain4jsTimeoutException() {
        stub.respondWith(request -> ok().delayed(1_000));

        assertThatThrownBy(() -> client(FAST.withMaxRetries(1).withTimeout(Duration.ofMillis(200)))
                .execute(chat(CHAT_BODY)))
                .isInstanceOf(TimeoutException.class);

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void connectionRefusedIsRetriedThenReported() {
        String deadUrl = stub.baseUrl();
        stub.close();
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(deadUrl + "/chat/completions")
                .body(CHAT_BODY).build();

        assertThatThrownBy(() -> client(FAST.withMaxRetries(2)).execute(request))
                .isInstanceOf(EndpointFaultException.class)
                .hasCauseInstanceOf(java.net.ConnectException.class)
                // host, port and what happened, where the JDK's own exception says nothing ("null")
                .hasMessage("cannot reach the endpoint: 127.0.0.1:" + java.net.URI.create(deadUrl).getPort()
                        + ": connection refused (3 attempts)");

        assertThat(metrics.snapshot().calls()).isEqualTo(3);
        assertThat(metrics.snapshot().failures()).isEqualTo(1);
    }

    @Test
    void circuitOpensAfterConsecutiveFailedCallsAndThenNothingIsSent() {
        stub.respondWith(request -> StubResponse.error(503, "down"));
        ResilientHttpClientBuilder builder = new ResilientHttpClientBuilder(
                FAST.withMaxRetries(1).withCircuitBreakerThreshold(3), metrics);
        ResilientHttpClient client = builder.build();

        for (int call = 0; call < 3; call++) {
            assertThatThrownBy(() -> client.execute(chat(CHAT_BODY))).isInstanceOf(HttpException.class);
        }
        int sentBeforeOpening = stub.requests().size();

        assertThat(builder.circuitOpen()).isTrue();
        assertThatThrownBy(() -> client.execute(chat(CHAT_BODY)))
                .isInstanceOf(EndpointUnavailableException.class)
                .hasMessage("model endpoint unavailable: 3 consecutive calls failed (last: HTTP 503)");
        // A client built later by the same builder (another model) shares the open circuit.
        assertThatThrownBy(() -> builder.build().execute(chat(CHAT_BODY)))
                .isInstanceOf(EndpointUnavailableException.class);
        assertThat(stub.requests()).hasSize(sentBeforeOpening).hasSize(6);
    }

    @Test
    void successAndClientErrorsResetTheCountOfConsecutiveFailures() {
        AtomicReference<StubResponse> next = new AtomicReference<>();
        stub.respondWith(request -> next.get());
        ResilientHttpClientBuilder builder = new ResilientHttpClientBuilder(
                FAST.withMaxRetries(0).withCircuitBreakerThreshold(2), metrics);
        ResilientHttpClient client = builder.build();

        next.set(StubResponse.error(500, "oops"));
        assertThatThrownBy(() -> client.execute(chat(CHAT_BODY))).isInstanceOf(HttpException.class);
        next.set(ok());
        client.execute(chat(CHAT_BODY));
        next.set(StubResponse.error(500, "oops"));
        assertThatThrownBy(() -> client.execute(chat(CHAT_BODY))).isInstanceOf(HttpException.class);
        next.set(StubResponse.error(400, "bad request"));
        assertThatThrownBy(() -> client.execute(chat(CHAT_BODY))).isInstanceOf(HttpException.class);
        next.set(StubResponse.error(500, "oops"));
        assertThatThrownBy(() -> client.execute(chat(CHAT_BODY))).isInstanceOf(HttpException.class);

        assertThat(builder.circuitOpen()).isFalse();
        assertThatThrownBy(() -> client.execute(chat(CHAT_BODY))).isInstanceOf(HttpException.class);
        assertThat(builder.circuitOpen()).isTrue();

        builder.resetCircuit();
        next.set(ok());
        assertThat(client.execute(chat(CHAT_BODY)).statusCode()).isEqualTo(200);
    }

    @Test
    void requestsPerMinuteSpacesTheCalls() {
        List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        stub.respondWith(request -> {
            arrivals.add(System.nanoTime());
            return ok();
        });
        // Warm the JDK's HTTP machinery up first, so that a slow first request does not blur the spacing.
        client(FAST).execute(chat(CHAT_BODY));
        arrivals.clear();
        ResilientHttpClient client = client(FAST.withRateLimits(120, 0));

        long start = System.nanoTime();
        for (int call = 0; call < 3; call++) {
            client.execute(chat(CHAT_BODY));
        }

        // 120 a minute is one every 500 ms: the first goes at once, the third a second later.
        assertThat(millisSince(start)).isBetween(1_000L, 2_500L);
        assertThat(arrivals).hasSize(3);
        assertThat(TimeUnit.NANOSECONDS.toMillis(arrivals.get(1) - arrivals.get(0))).isBetween(400L, 1_000L);
        assertThat(TimeUnit.NANOSECONDS.toMillis(arrivals.get(2) - arrivals.get(1))).isBetween(400L, 1_000L);
    }

    @Test
    void noMoreRequestsAreOnTheWireAtOnceThanAllowedHoweverManyThreadsCall() throws Exception {
        AtomicInteger onTheWire = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        stub.respondWith(request -> {
            most.accumulateAndGet(onTheWire.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            onTheWire.decrementAndGet();
            return ok();
        });
        // two clients of one builder, as a chat model per thread would be: the limit is the builder's
        ResilientHttpClientBuilder builder = new ResilientHttpClientBuilder(FAST, metrics).maxInFlight(3);
        List<ResilientHttpClient> clients = List.of(builder.build(), builder.build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SuccessfulHttpResponse>> results = new ArrayList<>();
            for (int call = 0; call < 12; call++) {
                ResilientHttpClient client = clients.get(call % 2);
                String body = CHAT_BODY.replace("Halo", "Halo " + call);
                results.add(pool.submit(() -> {
                    start.await();
                    return client.execute(chat(body));
                }));
            }
            start.countDown();
            for (Future<SuccessfulHttpResponse> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stub.requests()).hasSize(12);
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void theRequestLimitIsSharedByAllThreadsAndAllClientsOfOneBuilder() throws Exception {
        List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        stub.respondWith(request -> {
            arrivals.add(System.nanoTime());
            return ok();
        });
        client(FAST).execute(chat(CHAT_BODY));
        arrivals.clear();
        // 240 a minute = one every 250 ms, whichever thread or model client sends it.
        ResilientHttpClientBuilder builder = new ResilientHttpClientBuilder(FAST.withRateLimits(240, 0), metrics);
        List<ResilientHttpClient> clients = List.of(builder.build(), builder.build());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SuccessfulHttpResponse>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                ResilientHttpClient client = clients.get(thread % 2);
                results.add(pool.submit(() -> {
                    start.await();
                    return client.execute(chat(CHAT_BODY));
                }));
            }
            start.countDown();
            for (Future<SuccessfulHttpResponse> result : results) {
                result.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> sorted = arrivals.stream().sorted().toList();
        assertThat(sorted).hasSize(4);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(sorted.get(i) - sorted.get(i - 1))).isGreaterThanOrEqualTo(180L);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(sorted.get(3) - sorted.get(0))).isBetween(700L, 1_500L);
    }

    @Test
    void tokensPerMinuteHoldsACallThatWouldOverspendTheWindow() {
        // The provider reports using exactly what was estimated, so nothing is given back.
        stub.respondWith(request -> OpenAiStub.completion("Hello", "stop", 12, 5_900));
        // 6,000 tokens a minute = 100 a second. The first call asks for 5,900 completion tokens plus its prompt.
        ResilientHttpClient client = client(FAST.withRateLimits(0, 6_000));
        String big = "{\"model\":\"m\",\"max_tokens\":5900,\"messages\":[]}";
        String prompt = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(700) + "\"}]}";

        long start = System.nanoTime();
        client.execute(chat(big));
        client.execute(chat(prompt));

        // First: 5,900 + 12 prompt tokens leaves 88; the second needs 189 (753 characters / 4): 101 short, 1.01 s.
        assertThat(TokenEstimate.ofRequest(big)).isEqualTo(5_912);
        assertThat(TokenEstimate.ofRequest(prompt)).isEqualTo(189);
        assertThat(millisSince(start)).isBetween(1_000L, 2_000L);
    }

    @Test
    void theUsageReportedByTheProviderGivesBackTokensThatWereOverestimated() {
        // The stub reports 12 tokens used: the 5,900 reserved for the answer come back at once.
        stub.respondWith(request -> ok());
        ResilientHttpClient client = client(FAST.withRateLimits(0, 6_000));
        String big = "{\"model\":\"m\",\"max_tokens\":5900,\"messages\":[]}";
        String prompt = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(700) + "\"}]}";

        long start = System.nanoTime();
        client.execute(chat(big));
        client.execute(chat(prompt));

        // Without the correction the second call would wait a second (see the test above).
        assertThat(millisSince(start)).isLessThan(700L);
    }

    @Test
    void anExhaustedProviderWindowHoldsTheNextCallUntilItsReset() {
        stub.respondWith(inTurn(ok().withHeader("x-ratelimit-remaining-requests", "0")
                .withHeader("x-ratelimit-reset-requests", "700ms"), ok()));
        ResilientHttpClient client = client(FAST);
        client.execute(chat(CHAT_BODY));

        long start = System.nanoTime();
        client.execute(chat(CHAT_BODY));

        assertThat(millisSince(start)).isBetween(650L, 2_000L);
    }

    @Test
    void retryAfterOnOneThreadHoldsTheOthersToo() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        stub.respondWith(request -> {
            if (answered.getAndIncrement() == 0) {
                return StubResponse.error(429, "slow down").withHeader("retry-after-ms", "600");
            }
            return ok();
        });
        ResilientHttpClientBuilder builder = new ResilientHttpClientBuilder(FAST, metrics);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SuccessfulHttpResponse> first = pool.submit(() -> builder.build().execute(chat(CHAT_BODY)));
            while (stub.requests().isEmpty()) {
                Thread.sleep(5);
            }
            Thread.sleep(100);

            // Sent about 100 ms into the 600 ms the provider asked the first thread to wait.
            long start = System.nanoTime();
            builder.build().execute(chat(CHAT_BODY));

            assertThat(millisSince(start)).isGreaterThanOrEqualTo(350L);
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void interruptionDuringBackoffAbortsTheCallPromptly() throws Exception {
        stub.respondWith(request -> StubResponse.error(429, "slow down").withHeader("Retry-After", "30"));
        ResilientHttpClient client = client(FAST);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.execute(chat(CHAT_BODY));
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        while (stub.requests().isEmpty()) {
            Thread.sleep(5);
        }
        Thread.sleep(100);

        long start = System.nanoTime();
        caller.interrupt();
        caller.join(2_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(millisSince(start)).isLessThan(1_000L);
        assertThat(thrown.get()).isInstanceOf(CallInterruptedException.class);
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void interruptionWhileWaitingForTheResponseAbortsTheCallPromptly() throws Exception {
        stub.respondWith(request -> ok().delayed(3_000));
        ResilientHttpClient client = client(FAST);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.execute(chat(CHAT_BODY));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        caller.start();
        while (stub.requests().isEmpty()) {
            Thread.sleep(5);
        }

        long start = System.nanoTime();
        caller.interrupt();
        caller.join(2_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(millisSince(start)).isLessThan(1_000L);
        assertThat(thrown.get()).isInstanceOf(CallInterruptedException.class);
        assertThat(metrics.snapshot().failures()).isZero();
    }

    @Test
    void eightThreadsAtOnceAllSucceedAndTheMetricsAddUp() throws Exception {
        // Each call's first request is turned away, so every call retries once, concurrently with the others.
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        stub.respondWith(request -> seen.add(request.message("user"))
                ? StubResponse.error(503, "busy")
                : ok().delayed(50));
        ResilientHttpClient client = client(FAST);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int threadNumber = thread;
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int call = 0; call < 5; call++) {
                        String body = CHAT_BODY.replace("Halo", "Halo " + threadNumber + "-" + call);
                        ok += client.execute(chat(body)).statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Integer> result : results) {
                succeeded += result.get(20, TimeUnit.SECONDS);
            }

            CallMetrics.Snapshot snapshot = metrics.snapshot();
            assertThat(succeeded).isEqualTo(40);
            assertThat(stub.requests()).hasSize(80);
            assertThat(snapshot.calls()).isEqualTo(80);
            assertThat(snapshot.retries()).isEqualTo(40);
            assertThat(snapshot.failures()).isZero();
            assertThat(snapshot.p50Millis()).isGreaterThanOrEqualTo(50L);
            assertThat(snapshot.p95Millis()).isGreaterThanOrEqualTo(snapshot.p50Millis());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void latencyPercentilesComeFromTheSuccessfulRequests() {
        AtomicInteger answered = new AtomicInteger();
        // Nine quick answers and a slow one: the median is quick, the 95th percentile of ten calls is the slow one.
        stub.respondWith(request -> answered.incrementAndGet() == 7 ? ok().delayed(400) : ok());
        ResilientHttpClient client = client(FAST);

        for (int call = 0; call < 10; call++) {
            client.execute(chat(CHAT_BODY));
        }

        CallMetrics.Snapshot snapshot = metrics.snapshot();
        assertThat(snapshot.calls()).isEqualTo(10);
        assertThat(snapshot.p50Millis()).isLessThan(200L);
        assertThat(snapshot.p95Millis()).isBetween(400L, 900L);
    }

    @Test
    void logsNeitherTheApiKeyNorTheQueryString() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ResilientHttpClient.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            stub.respondWith(inTurn(StubResponse.error(503, "busy"), ok(), StubResponse.error(400, "bad")));
            HttpRequest request = HttpRequest.builder().method(HttpMethod.POST)
                    .url(stub.baseUrl() + "/chat/completions?api-key=sk-query-secret")
                    .addHeader("Authorization", "Bearer sk-test-secret")
                    .body(CHAT_BODY).build();
            ResilientHttpClient client = client(FAST);
            client.execute(request);
            assertThatThrownBy(() -> client.execute(request)).isInstanceOf(HttpException.class);
        } finally {
            logger.detachAppender(captured);
            logger.setLevel(before);
        }

        assertThat(captured.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line)
                        .contains("POST http://127.0.0.1:")
                        .doesNotContain("sk-test-secret", "sk-query-secret", "Authorization"));
    }

    @Test
    void aRejectedKeyStopsEveryFurtherCallAtOnce() {
        stub.respondWith(request -> StubResponse.error(401, "Incorrect API key provided"));
        ResilientHttpClientBuilder builder = new ResilientHttpClientBuilder(FAST, metrics);
        ResilientHttpClient client = builder.build();

        assertThatThrownBy(() -> client.execute(chat(CHAT_BODY)))
                .isInstanceOf(EndpointRejectedException.class)
                .hasMessage("the endpoint rejected the API key (HTTP 401)");
        // not retried, and no later call is sent: another article would only be refused the same way
        assertThatThrownBy(() -> builder.build().execute(chat(CHAT_BODY.replace("Halo", "Apa kabar"))))
                .isInstanceOf(EndpointRejectedException.class)
                .hasMessage("the endpoint rejected the API key (HTTP 401)");
        assertThat(stub.requests()).hasSize(1);
        assertThat(builder.circuitOpen()).isTrue();
    }

    @Test
    void aNotFoundNamesTheModelAndTheBaseUrlWithAHint() {
        // the stub serves /v1/chat/completions only, as OpenAI-compatible servers do
        String withoutV1 = stub.baseUrl().replace("/v1", "");
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(withoutV1 + "/chat/completions")
                .body(CHAT_BODY).build();

        assertThatThrownBy(() -> client(FAST).execute(request))
                .isInstanceOf(EndpointRejectedException.class)
                .hasMessage("model 'gpt-4o-mini' not found at " + withoutV1
                        + " (HTTP 404); is the base URL missing /v1?");
        assertThat(ResilientHttpClient.rejection(404, chat(CHAT_BODY)))
                .isEqualTo("model 'gpt-4o-mini' not found at " + stub.baseUrl()
                        + " (HTTP 404); check warta.llm.model (OPENAI_MODEL)");
    }

    @Test
    void aTruncatedAnswerBodyIsATransportFaultAndIsRetried() {
        // a proxy lost the upstream mid-answer: well-framed HTTP 200, JSON that ends half-way
        stub.respondWith(inTurn(ok().truncatedTo(60), ok()));

        SuccessfulHttpResponse response = client(FAST).execute(chat(CHAT_BODY));

        assertThat(response.body()).contains("\"Hello\"");
        assertThat(stub.requests()).hasSize(2);
        CallMetrics.Snapshot figures = metrics.snapshot();
        assertThat(figures.retries()).isEqualTo(1);
        // the cut-off answer was billed: it is counted, with our estimate of its tokens, beside the real usage
        assertThat(figures.promptTokens()).isGreaterThan(10);
        assertThat(figures.completionTokens()).isGreaterThan(2);
    }

    @Test
    void anAnswerThatStopsHalfWayIsTimedOutAndRetried() {
        // the headers came, then the connection went quiet mid-body: the JDK's own timeout no longer applies
        stub.respondWith(inTurn(ok().droppedAfter(40), ok()));

        SuccessfulHttpResponse response = client(FAST.withTimeout(Duration.ofMillis(800))).execute(chat(CHAT_BODY));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aTruncatedAnswerThatStaysTruncatedEndsAsAnEndpointFault() {
        stub.respondWith(request -> ok().truncatedTo(60));

        assertThatThrownBy(() -> client(FAST.withMaxRetries(1)).execute(chat(CHAT_BODY)))
                .isInstanceOf(EndpointFaultException.class)
                .hasMessage("the endpoint's answer was cut off or not the API's JSON (2 attempts)");
    }

    @Test
    void anAnswerIsKeptBeforeItsCallIsRecordedAsAnswered() {
        // a process killed between the two must not have counted a call as answered whose answer is lost
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        AnswerStore store = new AnswerStore() {
            @Override
            public java.util.Optional<String> find(String key) {
                return java.util.Optional.empty();
            }

            @Override
            public void keep(String key, String body) {
                events.add("answer kept");
            }

            @Override
            public void forget(String key) {
            }
        };
        CallLog calls = new CallLog() {
            @Override
            public String sending(int attempt) {
                events.add("sending " + attempt);
                return "call-" + attempt;
            }

            @Override
            public void finished(String call, Result result) {
                events.add(call + " " + result.outcome().code());
            }

            @Override
            public void reused(long promptTokens, long completionTokens) {
            }
        };
        stub.respondWith(inTurn(StubResponse.error(500, "oops"), ok()));

        new ResilientHttpClientBuilder(FAST, metrics).answerStore(store).callLog(calls).build()
                .execute(chat(CHAT_BODY));

        assertThat(events).containsExactly("sending 0", "call-0 http_error", "sending 1", "answer kept",
                "call-1 answered");
    }

    @Test
    void anAnswerPaidForIsNeverBoughtAgainForTheSameRequest() {
        java.util.Map<String, String> kept = new java.util.concurrent.ConcurrentHashMap<>();
        AnswerStore store = new AnswerStore() {
            @Override
            public java.util.Optional<String> find(String key) {
                return java.util.Optional.ofNullable(kept.get(key));
            }

            @Override
            public void keep(String key, String body) {
                kept.putIfAbsent(key, body);
            }

            @Override
            public void forget(String key) {
                kept.remove(key);
            }
        };
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallLog calls = new CallLog() {
            @Override
            public String sending(int attempt) {
                log.add("sending " + attempt);
                return "call-" + log.size();
            }

            @Override
            public void finished(String call, Result result) {
                log.add(result.outcome().code() + " " + result.httpStatus() + " " + result.promptTokens() + "+"
                        + result.completionTokens());
            }

            @Override
            public void reused(long promptTokens, long completionTokens) {
                log.add("reused " + promptTokens + "+" + completionTokens);
            }
        };
        stub.respondWith(inTurn(StubResponse.error(500, "oops"), ok()));
        ResilientHttpClientBuilder builder = new ResilientHttpClientBuilder(FAST, metrics).answerStore(store)
                .callLog(calls);

        SuccessfulHttpResponse first = builder.build().execute(chat(CHAT_BODY));
        // another client (a restarted process) with the same request, even with another key: nothing is sent
        HttpRequest sameWithOtherKey = HttpRequest.builder().method(HttpMethod.POST)
                .url(stub.baseUrl() + "/chat/completions").addHeader("Authorization", "Bearer sk-other")
                .body(CHAT_BODY).build();
        SuccessfulHttpResponse again = builder.build().execute(sameWithOtherKey);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(stub.requests()).hasSize(2);
        assertThat(log).containsExactly("sending 0", "http_error 500 0+0", "sending 1", "answered 200 10+2",
                "reused 10+2");
        assertThat(metrics.snapshot().promptTokens()).isEqualTo(10);

        // a different request (a re-ask carries its feedback) is sent
        builder.build().execute(chat(CHAT_BODY.replace("Halo", "Halo lagi")));
        assertThat(stub.requests()).hasSize(3);

        // an answer the caller rejects is asked for again
        builder.paidAnswers().startCall();
        builder.build().execute(chat(CHAT_BODY));
        builder.paidAnswers().rejectLastAnswerOfThisThread();
        builder.build().execute(chat(CHAT_BODY));
        assertThat(stub.requests()).hasSize(4);
    }
}
