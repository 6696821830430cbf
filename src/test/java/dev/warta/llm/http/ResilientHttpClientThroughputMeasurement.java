package dev.warta.llm.http;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.warta.testing.OpenAiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test: how close the resilient layer gets to the ideal wall time with concurrent callers
 * against a stub with a set latency. Skipped unless asked for:
 * <pre>
 * ./mvnw -q test -Dtest=ResilientHttpClientThroughputMeasurement -Dwarta.measure=true \
 *     -Dwarta.measure.calls=200 -Dwarta.measure.latencyMillis=500 -Dwarta.measure.concurrency=8
 * </pre>
 * Prints wall time against the ideal (calls x latency / concurrency) and the call metrics (which include one
 * warm-up call). {@code -Dwarta.measure.nodelay=false} shows the stub's own Nagle delay.
 */
@EnabledIfSystemProperty(named = "warta.measure", matches = "true")
class ResilientHttpClientThroughputMeasurement {

    @Test
    void concurrentCallsAgainstAStubWithLatency() throws Exception {
        int calls = Integer.getInteger("warta.measure.calls", 200);
        int latencyMillis = Integer.getInteger("warta.measure.latencyMillis", 500);
        int concurrency = Integer.getInteger("warta.measure.concurrency", 8);
        // The JDK's HttpServer delays small responses by ~40 ms (Nagle + delayed ACK) unless told not to; a real
        // provider does not, so the stub should not either. Must be set before the first HttpServer starts.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("warta.measure.nodelay", "true"));
        try (OpenAiStub stub = OpenAiStub.start()) {
            stub.respondWith(request -> OpenAiStub.completion("Good morning", "stop", 20, 5).delayed(latencyMillis));
            CallMetrics metrics = new CallMetrics();
            ChatModel model = OpenAiChatModel.builder()
                    .baseUrl(stub.baseUrl())
                    .apiKey("sk-measure")
                    .modelName("gpt-4o-mini")
                    .httpClientBuilder(new ResilientHttpClientBuilder(CallPolicy.defaults(), metrics))
                    .maxRetries(0)
                    .build();
            model.chat("warm-up");
            stub.reset();
            stub.respondWith(request -> OpenAiStub.completion("Good morning", "stop", 20, 5).delayed(latencyMillis));

            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            List<Future<String>> answers = new ArrayList<>();
            for (int call = 0; call < calls; call++) {
                answers.add(pool.submit(() -> model.chat("Selamat pagi")));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("Good morning");
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            pool.shutdown();

            double idealMillis = (double) calls * latencyMillis / concurrency;
            CallMetrics.Snapshot snapshot = metrics.snapshot();
            System.out.printf("MEASURE calls=%d latency=%d ms concurrency=%d: wall %d ms, ideal %.0f ms, "
                            + "overhead %.1f%%; metrics %s%n", calls, latencyMillis, concurrency, wall.toMillis(),
                    idealMillis, 100 * (wall.toMillis() - idealMillis) / idealMillis, snapshot);
            assertThat(stub.requests()).hasSize(calls);
        }
    }
}
