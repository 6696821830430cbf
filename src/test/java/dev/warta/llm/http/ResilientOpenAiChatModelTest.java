package dev.warta.llm.http;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.OpenAiStub.StubResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real LangChain4j {@link OpenAiChatModel} on the resilient client, wired as Warta wires it
 * ({@code httpClientBuilder(..)} and {@code maxRetries(0)}): which exception reaches the caller in each case, and
 * that LangChain4j adds no retries of its own.
 */
class ResilientOpenAiChatModelTest {

    private static final CallPolicy POLICY = new CallPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20),
            Duration.ofSeconds(5), 0, 0, 3);

    private OpenAiStub stub;
    private ResilientHttpClientBuilder http;

    @BeforeEach
    void startStub() {
        stub = OpenAiStub.start();
        http = new ResilientHttpClientBuilder(POLICY, new CallMetrics());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private ChatModel model() {
        return OpenAiChatModel.builder()
                .baseUrl(stub.baseUrl())
                .apiKey("sk-test-secret")
                .modelName("gpt-4o-mini")
                .httpClientBuilder(http)
                .maxRetries(0)
                .build();
    }

    interface Greeter {
        String greet(String name);
    }

    @Test
    void rateLimitedOnceThenAnswered() {
        AtomicInteger answered = new AtomicInteger();
        stub.respondWith(request -> answered.getAndIncrement() == 0
                ? StubResponse.error(429, "slow down").withHeader("retry-after-ms", "200")
                : OpenAiStub.completion("Selamat pagi, good morning", "stop", 9, 5));

        String answer = model().chat("Selamat pagi");

        assertThat(answer).isEqualTo("Selamat pagi, good morning");
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).header("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(http.metrics().snapshot().retries()).isEqualTo(1);
    }

    @Test
    void rateLimitedToTheEndIsRateLimitException() {
        stub.respondWith(request -> StubResponse.error(429, "slow down"));

        assertThatThrownBy(() -> model().chat("Halo")).isInstanceOf(RateLimitException.class);

        assertThat(stub.requests()).hasSize(1 + POLICY.maxRetries());
    }

    @Test
    void serverErrorsRetriedThenInternalServerException() {
        stub.respondWith(request -> StubResponse.error(503, "overloaded"));

        assertThatThrownBy(() -> model().chat("Halo"))
                .isInstanceOf(InternalServerException.class)
                .hasMessageContaining("overloaded");

        assertThat(stub.requests()).hasSize(1 + POLICY.maxRetries());
    }

    @Test
    void badRequestIsInvalidRequestExceptionAndNotRetried() {
        stub.respondWith(request -> StubResponse.error(400, "unknown field"));

        assertThatThrownBy(() -> model().chat("Halo")).isInstanceOf(InvalidRequestException.class);

        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void timeoutsToTheEndAreTimeoutExceptionAndThePolicyTimeoutApplies() {
        // The model passes its default 60 s read timeout to the builder; the policy's 300 ms is what counts.
        http = new ResilientHttpClientBuilder(POLICY.withMaxRetries(1).withTimeout(Duration.ofMillis(300)),
                new CallMetrics());
        stub.respondWith(request -> OpenAiStub.completion("late", "stop", 1, 1).delayed(1_000));

        long start = System.nanoTime();
        assertThatThrownBy(() -> model().chat("Halo")).isInstanceOf(TimeoutException.class);

        // Two attempts of 300 ms, not two waits for the 1 s answers.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_800));
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void openCircuitReachesTheCallerAsEndpointUnavailableException() {
        stub.respondWith(request -> StubResponse.error(502, "bad gateway"));
        ChatModel model = model();
        for (int call = 0; call < POLICY.circuitBreakerThreshold(); call++) {
            assertThatThrownBy(() -> model.chat("Halo")).isInstanceOf(InternalServerException.class);
        }
        int sent = stub.requests().size();

        assertThatThrownBy(() -> model.chat("Halo"))
                .isExactlyInstanceOf(EndpointUnavailableException.class)
                .hasMessage("model endpoint unavailable: 3 consecutive calls failed (last: HTTP 502)");
        // Through an AI service as well, the way Warta's translator is called.
        Greeter greeter = AiServices.builder(Greeter.class).chatModel(model).build();
        assertThatThrownBy(() -> greeter.greet("Budi"))
                .satisfies(e -> assertThat(EndpointUnavailableException.findIn(e)).isNotNull());
        assertThat(stub.requests()).hasSize(sent);
    }
}
