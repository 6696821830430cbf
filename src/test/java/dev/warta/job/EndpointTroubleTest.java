package dev.warta.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.OpenAiStub.RecordedRequest;
import dev.warta.testing.OpenAiStub.StubResponse;
import dev.warta.testing.SimulatedTranslator;
import dev.warta.testing.WartaHarness;
import dev.warta.testing.WartaHarness.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's worst nights, against the local stub over real HTTP: a wrong key, a wrong URL, answers cut off in
 * transit, a long article that fails half-way, a process killed mid-run. Endpoint trouble never costs an article
 * an attempt, a paid answer is never bought twice, and {@code run.json} counts what the provider saw.
 */
class EndpointTroubleTest {

    private static final String DAY_ONE = "2025-11-18";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;

    @BeforeEach
    void setUp() throws IOException {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl());
        for (int i = 1; i <= 3; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Paragraf pertama berita " + i + " tentang banjir di Bandung. Air naik sejak pagi.",
                    "Paragraf kedua berita " + i + " menyebut 600.000 warga terdampak. Bantuan mulai datang.");
        }
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void threeNightsWithAWrongKeyCostNothingAndTheFirstGoodNightTranslatesEverything() throws Exception {
        // given: an endpoint that accepts one key only, as OpenAI does
        SimulatedTranslator model = new SimulatedTranslator();
        stub.respondWith(request -> "Bearer right-key".equals(request.header("Authorization"))
                ? model.apply(request) : StubResponse.error(401, "Incorrect API key provided"));

        for (String night : List.of("2025-11-18", "2025-11-19", "2025-11-20")) {
            int sentBefore = stub.requests().size();
            Run run = warta.run(night, "--warta.llm.api-key=wrong-key", "--warta.llm.concurrency=1");

            // then: the first answer stops the run, with one line that names the cause, and exit code 2
            assertThat(run.exitCode()).isEqualTo(WartaRunner.CANNOT_START);
            assertThat(stub.requests().size() - sentBefore).isEqualTo(1);
            assertThat(run.wartaLines()).containsExactly("warta: the endpoint rejected the API key (HTTP 401)");
            JsonNode summary = runJson(night);
            assertThat(summary.path("status").asText()).isEqualTo("failed");
            assertThat(summary.path("message").asText()).contains("the endpoint rejected the API key (HTTP 401)");
            assertThat(warta.rows("SELECT * FROM warta_article WHERE status <> 'pending'")).isEmpty();
            assertThat(warta.rows("SELECT * FROM warta_article WHERE failed_attempts > 0")).isEmpty();
        }

        // when: the key is fixed, with no --force
        Run fixed = warta.run("2025-11-21", "--warta.llm.api-key=right-key");

        // then: every article is translated in that run
        assertThat(fixed.exitCode()).as(fixed.stdout()).isZero();
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'translated' AND run_id = ("
                + "SELECT MAX(id) FROM warta_run)")).hasSize(3);
    }

    @Test
    void aBaseUrlWithoutV1StopsAtTheFirstAnswerWithExitCode2AndAHint() throws Exception {
        String withoutV1 = stub.baseUrl().replace("/v1", "");

        Run run = warta.run(DAY_ONE, "--warta.llm.base-url=" + withoutV1, "--warta.llm.concurrency=1");

        String cause = "model 'gpt-4o-mini' not found at " + withoutV1 + " (HTTP 404); is the base URL missing /v1?";
        assertThat(run.exitCode()).isEqualTo(WartaRunner.CANNOT_START);
        assertThat(run.wartaLines()).containsExactly("warta: " + cause);
        assertThat(runJson(DAY_ONE).path("message").asText()).contains(cause);
        assertThat(warta.rows("SELECT status, failed_attempts FROM warta_article")).hasSize(3)
                .allSatisfy(row -> {
                    assertThat(row.get("STATUS")).isEqualTo("pending");
                    assertThat(row.get("FAILED_ATTEMPTS")).isEqualTo(0);
                });
        // one request reached the server: the HTTP server's own 404 answered it, and nothing followed
        assertThat(runJson(DAY_ONE).path("calls").path("modelCalls").asInt()).isEqualTo(1);
    }

    @Test
    void aClosedPortLeavesTheArticlesPendingAndSaysWhere() throws Exception {
        String deadUrl = stub.baseUrl();
        int port = java.net.URI.create(deadUrl).getPort();
        stub.close();

        Run run = warta.run(DAY_ONE, "--warta.llm.concurrency=1");

        assertThat(run.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        assertThat(warta.rows("SELECT reason, failed_attempts FROM warta_article WHERE status = 'pending'"))
                .hasSize(3)
                .allSatisfy(row -> assertThat(row.get("FAILED_ATTEMPTS")).isEqualTo(0))
                .anySatisfy(row -> assertThat((String) row.get("REASON"))
                        .isEqualTo("translation: cannot reach the endpoint: 127.0.0.1:" + port + ": connection refused"));
        // nothing reached a server: no call to count
        assertThat(runJson(DAY_ONE).path("calls").path("modelCalls").asInt()).isZero();
    }

    @Test
    void answersCutOffInTransitAreRetriedAndCountedAsTheProviderBillsThem() throws Exception {
        // given: every other answer is cut off mid-body, on a well-framed HTTP 200 (a proxy lost the upstream)
        SimulatedTranslator model = new SimulatedTranslator();
        AtomicInteger answers = new AtomicInteger();
        AtomicLong billedForCutOff = new AtomicLong();
        stub.respondWith(request -> {
            StubResponse answer = model.apply(request);
            if (answers.incrementAndGet() % 2 == 1) {
                billedForCutOff.addAndGet(answer.billedPromptTokens() + answer.billedCompletionTokens());
                return answer.truncatedTo(answer.body().length() / 2);
            }
            return answer;
        });

        Run run = warta.run(DAY_ONE, "--warta.llm.max-retries=2", "--warta.llm.concurrency=1");

        // then: every article is translated
        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'translated'")).hasSize(3);
        // and run.json counts every request the server saw, and the tokens it billed: exactly for the answers that
        // arrived whole, by our estimate for those cut off before their usage
        JsonNode calls = runJson(DAY_ONE).path("calls");
        assertThat(calls.path("modelCalls").asInt()).isEqualTo(stub.requests().size()).isEqualTo(6);
        assertThat(calls.path("retries").asInt()).isEqualTo(3);
        long total = calls.path("promptTokens").asLong() + calls.path("completionTokens").asLong();
        long estimated = calls.path("estimatedTokens").asLong();
        long billed = stub.billedPromptTokens() + stub.billedCompletionTokens();
        assertThat(total - estimated).isEqualTo(billed - billedForCutOff.get());
        assertThat((double) estimated).isCloseTo(billedForCutOff.get(),
                org.assertj.core.data.Percentage.withPercentage(50));
    }

    @Test
    void aLongArticleWhoseThirdChunkFailsPaysForItsFirstTwoChunksOnlyOnce() throws Exception {
        warta.addArticle("panjang.txt", "Laporan panjang tentang banjir",
                "Bagian pertama: hujan deras mengguyur Bandung sejak Senin pagi dan sungai meluap ke permukiman "
                        + "warga di sepanjang bantaran.",
                "Bagian kedua: sebanyak 600.000 warga terdampak dan ratusan rumah terendam air setinggi satu meter "
                        + "di tiga kecamatan.",
                "Bagian ketiga: pemerintah daerah membuka dapur umum dan posko pengungsian di balai kota serta "
                        + "di sekolah terdekat.",
                "Bagian keempat: relawan membagikan makanan, selimut dan obat-obatan kepada para pengungsi sampai "
                        + "larut malam.");
        SimulatedTranslator model = new SimulatedTranslator();
        AtomicBoolean thirdChunkFails = new AtomicBoolean(true);
        stub.respondWith(request -> thirdChunkFails.get() && "ChunkTranslationOutput".equals(request.schemaName())
                && request.document().toString().contains("Bagian ketiga")
                ? StubResponse.error(503, "overloaded") : model.apply(request));
        String[] longArticles = {"--warta.llm.chunk-tokens=50", "--warta.llm.concurrency=1"};

        Run first = warta.run(DAY_ONE, longArticles);
        assertThat(first.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        assertThat(warta.rows("SELECT status, failed_attempts FROM warta_article WHERE source_path LIKE '%panjang%'"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("STATUS")).isEqualTo("pending");
                    assertThat(row.get("FAILED_ATTEMPTS")).isEqualTo(0);
                });

        // when: the endpoint recovers and the job is started again
        thirdChunkFails.set(false);
        Run second = warta.run("2025-11-19", longArticles);

        // then: the article is translated, and no request that was answered was sent a second time
        assertThat(second.exitCode()).as(second.stdout()).isZero();
        List<RecordedRequest> chunks = stub.requests().stream()
                .filter(request -> "ChunkTranslationOutput".equals(request.schemaName())).toList();
        Map<String, Long> sentPerChunk = chunks.stream().collect(Collectors.groupingBy(
                request -> request.document().path("pieces").get(0).asText().substring(0, 14),
                Collectors.counting()));
        assertThat(sentPerChunk).containsEntry("Bagian pertama", 1L).containsEntry("Bagian kedua: ", 1L)
                .containsEntry("Bagian ketiga:", 2L).containsEntry("Bagian keempat", 1L);
        assertThat(stub.requests().stream().map(request -> request.body().toString()).distinct().count())
                .as("only the failed request was sent twice").isEqualTo(stub.requests().size() - 1);
        assertThat(runJson("2025-11-19").path("calls").path("reusedAnswers").asInt()).isEqualTo(2);
    }

    @Test
    void callsOfAKilledProcessCountInTheSummaryOfTheRunThatResumesIt() throws Exception {
        for (int i = 4; i <= 12; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Isi berita nomor " + i + ". Warga berkumpul di balai desa. Rapat selesai sore hari.");
        }
        // given: the sixth request hangs until the process has been killed, then gets an error nobody pays for
        SimulatedTranslator model = new SimulatedTranslator();
        AtomicInteger received = new AtomicInteger();
        CountDownLatch killed = new CountDownLatch(1);
        CountDownLatch hanging = new CountDownLatch(1);
        stub.respondWith(request -> {
            if (received.incrementAndGet() == 6) {
                hanging.countDown();
                try {
                    killed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return StubResponse.error(503, "too late");
            }
            return model.apply(request);
        });
        Process process = warta.startProcess(
                warta.arguments(DAY_ONE, "--warta.chunk-size=2", "--warta.llm.concurrency=1"),
                work.resolve("killed-run.log"));
        try {
            assertThat(hanging.await(60, TimeUnit.SECONDS)).as("the sixth request arrived").isTrue();
            process.destroyForcibly().waitFor();
        } finally {
            process.destroyForcibly();
            killed.countDown();
        }
        assertThat(stub.requests()).hasSize(6);

        // when: the operator starts it again
        Run resumed = warta.run(DAY_ONE, "--warta.chunk-size=2", "--warta.llm.concurrency=1");

        // then: the resumed run's summary counts the calls of both processes, as the server saw them
        assertThat(resumed.exitCode()).as(resumed.stdout()).isZero();
        JsonNode calls = runJson(DAY_ONE).path("calls");
        assertThat(calls.path("modelCalls").asInt()).isEqualTo(stub.requests().size());
        assertThat(calls.path("promptTokens").asLong()).isEqualTo(stub.billedPromptTokens());
        assertThat(calls.path("completionTokens").asLong()).isEqualTo(stub.billedCompletionTokens());
        assertThat(calls.path("estimatedTokens").asLong()).isZero();
        // and the answers the killed process received were not bought again
        assertThat(stub.requests().stream().map(request -> request.body().toString()).distinct().count())
                .isEqualTo(stub.requests().size() - 1);
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'translated'")).hasSize(12);
    }

    private JsonNode runJson(String day) throws IOException {
        return json.readTree(warta.output().resolve(day).resolve("run.json").toFile());
    }

}
