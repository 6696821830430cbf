package dev.warta.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.BatchApiStub;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.OpenAiStub.RecordedRequest;
import dev.warta.testing.OpenAiStub.StubResponse;
import dev.warta.testing.SimulatedTranslator;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import dev.warta.testing.WartaHarness.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Batch API mode ({@code --warta.llm.mode=batch}) against the stub's {@code /v1/files} and {@code /v1/batches}:
 * the night's first requests answered in one batch at the batch price, checked like synchronous answers, re-asked
 * synchronously; a killed process that finds its batch again; an expired batch followed by exactly what it missed;
 * an endpoint without the Batch API.
 */
class BatchModeTest {

    private static final String NIGHT = "2025-11-20";
    private static final int ARTICLES = 20;
    private static final String[] BATCH = {"--warta.llm.mode=batch", "--warta.llm.batch-poll-interval=20ms"};
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;

    @BeforeEach
    void setUp() throws IOException {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl(), database(work));
        for (int i = 1; i <= ARTICLES; i++) {
            warta.addArticle(String.format("berita-%02d.txt", i), "Berita nomor " + i,
                    "Paragraf pertama berita " + i + " tentang banjir di Bandung. Air naik sejak pagi.",
                    "Paragraf kedua berita " + i + " menyebut " + (100 + i) + " rumah terendam. Bantuan mulai datang.");
        }
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    TestDatabase database(Path work) {
        return TestDatabase.h2(work);
    }

    @Test
    void aNightIsTranslatedInOneBatchAndAChangedNumberIsReaskedSynchronously() throws Exception {
        // given: the model changes a number in article 7's first answer (the batch's), not when told so (a re-ask)
        stub.respondWith(request -> {
            StubResponse answer = new SimulatedTranslator().apply(request);
            boolean firstAttempt = request.message("user").contains("(none: this is the first attempt)");
            return firstAttempt && request.message("user").contains("Berita nomor 7\"")
                    ? withContent(answer, content -> content.replace("107", "170")) : answer;
        });

        Run run = warta.run(NIGHT, BATCH);

        // then: one upload of 20 requests, one batch; the only synchronous call is article 7's re-ask
        assertThat(run.exitCode()).isZero();
        BatchApiStub batches = stub.batchApi();
        assertThat(batches.uploads()).hasSize(1);
        assertThat(batches.uploads().get(0).lines()).hasSize(ARTICLES);
        assertThat(batches.uploads().get(0).purpose()).isEqualTo("batch");
        assertThat(batches.batchIds()).hasSize(1);
        assertThat(stub.requests()).hasSize(1);
        RecordedRequest reask = stub.requests().get(0);
        assertThat(reask.message("user")).contains("Berita nomor 7").contains("107");
        assertThat(reask.message("user")).doesNotContain("(none: this is the first attempt)");
        List<Map<String, Object>> seventh = warta.rows(
                "SELECT status, english_text FROM warta_article WHERE source_path LIKE '%berita-07.txt'");
        assertThat(seventh.get(0).get("STATUS")).isEqualTo("translated");
        assertThat((String) seventh.get(0).get("ENGLISH_TEXT")).contains("107").doesNotContain("170");
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(ARTICLES);

        // and: the summary names the batch, its 20 answers reused by the translation, and the saving
        JsonNode calls = json.readTree(warta.output().resolve(NIGHT).resolve("run.json").toFile()).path("calls");
        assertThat(calls.path("modelCalls").asInt()).isEqualTo(1);
        assertThat(calls.path("reusedAnswers").asInt()).isEqualTo(ARTICLES);
        JsonNode batch = calls.path("batch");
        assertThat(batch.path("batchIds").get(0).asText()).isEqualTo(batches.batchIds().get(0));
        assertThat(batch.path("requests").asInt()).isEqualTo(ARTICLES);
        assertThat(batch.path("answered").asInt()).isEqualTo(ARTICLES);
        assertThat(batch.path("status").asText()).isEqualTo("completed");
        assertThat(batch.path("promptTokens").asLong()).isPositive();
        assertThat(batch.path("savedUsd").asDouble()).isPositive();
        assertThat(batch.path("costUsd").asDouble()).isCloseTo(batch.path("savedUsd").asDouble(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(batch.path("waitedSeconds").isNumber()).isTrue();
        assertThat(run.stdout()).contains(batches.batchIds().get(0)).contains("saved vs sync");
    }

    @Test
    void aRequestThatFailedInsideACompletedBatchIsAskedSynchronously() throws Exception {
        // given: the provider's batch worker fails article 3's request (a line in the error file); requests sent
        // synchronously carry headers, a batch's lines do not
        stub.respondWith(request -> request.headers().isEmpty() && request.message("user").contains("Berita nomor 3\"")
                ? StubResponse.error(500, "The server had an error processing your request")
                : new SimulatedTranslator().apply(request));

        Run run = warta.run(NIGHT, BATCH);

        // then: the batch completed with 19 answers; article 3 alone was asked synchronously, with the same request
        assertThat(run.exitCode()).isZero();
        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.requests().get(0).message("user")).contains("Berita nomor 3\"")
                .contains("(none: this is the first attempt)");
        JsonNode line = stub.batchApi().uploads().get(0).lines().stream()
                .filter(l -> l.path("body").toString().contains("Berita nomor 3\\\""))
                .findFirst().orElseThrow();
        assertThat(stub.requests().get(0).body()).isEqualTo(line.path("body"));
        assertThat(warta.rows("SELECT answered, failed_count, status FROM warta_llm_batch"))
                .containsExactly(Map.of("ANSWERED", ARTICLES - 1, "FAILED_COUNT", 1, "STATUS", "completed"));
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(ARTICLES);
    }

    @Test
    void aProcessKilledWhileItsBatchIsInProgressIsResumedWithoutASecondUpload() throws Exception {
        // given: a run whose batch stays in_progress, killed (kill -9) while it waits
        stub.batchApi().holdInProgress(true);
        List<String> args = new java.util.ArrayList<>(warta.arguments(NIGHT, BATCH));
        Process process = warta.startProcess(args, work.resolve("process.log"));
        try {
            waitFor(process, () -> !stub.batchApi().batchIds().isEmpty()
                    && "in_progress".equals(stub.batchApi().status(stub.batchApi().batchIds().get(0)))
                    && stub.batchApi().calls().stream().filter(call -> call.startsWith("GET /v1/batches/"))
                            .count() >= 3);
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
        assertThat(stub.batchApi().uploads()).hasSize(1);

        // when: the provider finishes the batch and the next start resumes the run
        stub.batchApi().holdInProgress(false);
        Run resumed = warta.run(NIGHT, BATCH);

        // then: the same batch was collected: no second upload, no second batch, no synchronous call
        assertThat(resumed.exitCode()).isZero();
        assertThat(stub.batchApi().uploads()).hasSize(1);
        assertThat(stub.batchApi().calls()).filteredOn(call -> call.equals("POST /v1/batches")).hasSize(1);
        assertThat(stub.requests()).isEmpty();
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(ARTICLES);
        assertThat(warta.rows("SELECT batch_id, status, answered FROM warta_llm_batch"))
                .containsExactly(Map.of("BATCH_ID", stub.batchApi().batchIds().get(0), "STATUS", "completed",
                        "ANSWERED", ARTICLES));
    }

    @Test
    void anExpiredBatchIsFollowedByOneOfExactlyTheRequestsItDidNotAnswer() throws Exception {
        // given: the first batch expires after answering 15 of its 20 requests
        stub.batchApi().plan(new BatchApiStub.Plan("expired", ARTICLES - 5));

        Run run = warta.run(NIGHT, BATCH);

        // then: a second upload carries exactly the 5 missing requests, byte for byte; nothing goes synchronously
        assertThat(run.exitCode()).isZero();
        List<BatchApiStub.StoredFile> uploads = stub.batchApi().uploads();
        assertThat(uploads).hasSize(2);
        List<JsonNode> first = uploads.get(0).lines();
        List<JsonNode> second = uploads.get(1).lines();
        assertThat(second).hasSize(5);
        assertThat(second.stream().map(line -> line.path("custom_id").asText()).collect(Collectors.toSet()))
                .isEqualTo(first.subList(ARTICLES - 5, ARTICLES).stream()
                        .map(line -> line.path("custom_id").asText()).collect(Collectors.toSet()));
        Map<String, JsonNode> firstBodies = first.stream().collect(Collectors.toMap(
                line -> line.path("custom_id").asText(), line -> line.path("body")));
        second.forEach(line -> assertThat(line.path("body"))
                .isEqualTo(firstBodies.get(line.path("custom_id").asText())));
        assertThat(stub.requests()).isEmpty();
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(ARTICLES);
        List<Map<String, Object>> batches = warta.rows(
                "SELECT batch_id, resubmits, status, request_count, answered FROM warta_llm_batch ORDER BY id");
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsEntry("STATUS", "expired").containsEntry("ANSWERED", ARTICLES - 5);
        assertThat(batches.get(1)).containsEntry("RESUBMITS", batches.get(0).get("BATCH_ID"))
                .containsEntry("REQUEST_COUNT", 5).containsEntry("STATUS", "completed");
        JsonNode batch = json.readTree(warta.output().resolve(NIGHT).resolve("run.json").toFile())
                .path("calls").path("batch");
        assertThat(batch.path("batchIds")).hasSize(2);
        assertThat(batch.path("answered").asInt()).isEqualTo(ARTICLES);
    }

    @Test
    void withoutABatchApiTheRunFallsBackToSyncWhenAllowed() throws Exception {
        stub.batchApi().absent();

        Run run = warta.run(NIGHT, "--warta.llm.mode=batch", "--warta.llm.batch-fallback=sync");

        // then: one line says so, and the night is translated synchronously
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines().filter(line -> line.contains("no Batch API"))).hasSize(1);
        assertThat(stub.requests()).hasSize(ARTICLES);
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(ARTICLES);
        assertThat(warta.rows("SELECT id FROM warta_llm_batch")).isEmpty();
    }

    @Test
    void withoutABatchApiTheRunStopsWithASettingsExitCodeByDefault() throws Exception {
        stub.batchApi().absent();

        Run run = warta.run(NIGHT, "--warta.llm.mode=batch");

        // then: exit 2 with one line naming the missing API and the way out; nothing was bought
        assertThat(run.exitCode()).isEqualTo(WartaRunner.CANNOT_START);
        assertThat(run.wartaLines()).hasSize(1);
        assertThat(run.wartaLines().get(0)).contains("no Batch API").contains("/v1/files").contains("HTTP 404")
                .contains("warta.llm.batch-fallback=sync");
        assertThat(stub.requests()).isEmpty();
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).isEmpty();
    }

    @Test
    void aBatchTheProviderRefusesStopsTheRunUnlessSyncIsAllowed() throws Exception {
        stub.batchApi().refuseBatches("Enqueued token limit reached for gpt-4o-mini");

        Run refused = warta.run(NIGHT, BATCH);

        // then: stopped (a rerun continues), with the provider's reason; nothing bought
        assertThat(refused.exitCode()).isEqualTo(WartaRunner.STOPPED);
        assertThat(refused.stdout()).contains("refused the batch: HTTP 400: Enqueued token limit reached");
        assertThat(stub.requests()).isEmpty();

        // when: started again as it was, then with the synchronous path allowed
        Run again = warta.run(NIGHT, BATCH);
        assertThat(again.exitCode()).isEqualTo(WartaRunner.STOPPED);
        assertThat(stub.batchApi().uploads()).hasSize(2);
        assertThat(stub.requests()).isEmpty();
        Run rerun = warta.run(NIGHT, BATCH[0], BATCH[1], "--warta.llm.batch-fallback=sync");

        // then: no batch was ever made; the night is translated synchronously
        assertThat(rerun.exitCode()).isZero();
        assertThat(stub.batchApi().batchIds()).isEmpty();
        assertThat(warta.rows("SELECT status FROM warta_llm_batch WHERE collected_at IS NOT NULL"))
                .extracting(row -> row.get("STATUS")).containsOnly("refused");
        assertThat(stub.requests()).hasSize(ARTICLES);
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(ARTICLES);
    }

    @Test
    void pastTheDeadlineTheBatchIsCancelledAndWhatItDidNotAnswerGoesSynchronously() throws Exception {
        // given: a batch that answers 12 requests and then hangs in_progress past the deadline
        stub.batchApi().plan(new BatchApiStub.Plan("completed", 12)).holdInProgress(true);
        String deadline = soon();
        releaseTheHoldAfterAMinute();

        Run run = warta.run(NIGHT, BATCH[0], BATCH[1], "--warta.llm.batch-deadline=" + deadline);

        // then: the batch was cancelled, its 12 answers were used, the other 8 articles were asked synchronously
        assertThat(run.exitCode()).isZero();
        String batchId = stub.batchApi().batchIds().get(0);
        assertThat(stub.batchApi().calls()).contains("POST /v1/batches/" + batchId + "/cancel");
        assertThat(stub.batchApi().status(batchId)).isEqualTo("cancelled");
        assertThat(stub.requests()).hasSize(ARTICLES - 12);
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(ARTICLES);
        assertThat(warta.rows("SELECT note, answered FROM warta_llm_batch").get(0))
                .containsEntry("ANSWERED", 12);
        assertThat((String) warta.rows("SELECT note FROM warta_llm_batch").get(0).get("NOTE"))
                .startsWith("not back by the deadline");
    }

    @Test
    void pastTheDeadlineThePendingChoiceStopsTheRunAndTheNextStartCollectsTheSameBatch() throws Exception {
        stub.batchApi().holdInProgress(true);
        releaseTheHoldAfterAMinute();

        Run first = warta.run(NIGHT, BATCH[0], BATCH[1], "--warta.llm.batch-deadline=" + soon(),
                "--warta.llm.batch-after-deadline=pending");

        // then: stopped (exit 5), nothing bought synchronously, the batch left running
        assertThat(first.exitCode()).isEqualTo(WartaRunner.STOPPED);
        assertThat(first.stdout()).contains("not back by the deadline");
        assertThat(stub.requests()).isEmpty();
        String batchId = stub.batchApi().batchIds().get(0);
        assertThat(stub.batchApi().status(batchId)).isEqualTo("in_progress");

        // when: the batch finishes and the run is started again
        stub.batchApi().holdInProgress(false);
        Run second = warta.run(NIGHT, BATCH[0], BATCH[1], "--warta.llm.batch-after-deadline=pending");

        // then: the same batch is collected, no second upload and no synchronous call
        assertThat(second.exitCode()).isZero();
        assertThat(stub.batchApi().uploads()).hasSize(1);
        assertThat(stub.requests()).isEmpty();
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(ARTICLES);
    }

    /** A deadline two seconds after the run's first upload (a duration; a time of day works the same way). */
    private static String soon() {
        return "2s";
    }

    /** Should the deadline never come, the held batch is let go after a minute: the test fails instead of hanging. */
    private void releaseTheHoldAfterAMinute() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                stub.batchApi().holdInProgress(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void waitFor(Process process, BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                throw new AssertionError("condition not reached; process log:\n"
                        + Files.readString(work.resolve("process.log")));
            }
            Thread.sleep(50);
        }
    }

    /** The same answer with its message content changed. */
    private StubResponse withContent(StubResponse answer, java.util.function.UnaryOperator<String> change) {
        try {
            JsonNode body = json.readTree(answer.body());
            String content = body.path("choices").get(0).path("message").path("content").asText();
            JsonNode usage = body.path("usage");
            return OpenAiStub.completion(change.apply(content), "stop", usage.path("prompt_tokens").asInt(),
                    usage.path("completion_tokens").asInt());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
