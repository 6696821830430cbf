package dev.warta.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.OpenAiStub;
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
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What an operator relies on when Warta runs every night: never paying twice for an article, never losing one,
 * budgets, and one run at a time.
 */
class NightlyRunTest {

    private static final String DAY_ONE = "2025-11-18";
    private static final String DAY_TWO = "2025-11-19";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;

    @BeforeEach
    void setUp() throws IOException {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl(), database(work));
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

    /** The database this class runs against; a subclass runs the same tests on PostgreSQL. */
    TestDatabase database(Path work) {
        return TestDatabase.h2(work);
    }

    @Test
    void aRerunOverTheSameInputCostsNoModelCall() throws Exception {
        assertThat(warta.run(DAY_ONE).exitCode()).isZero();
        assertThat(stub.requests()).hasSize(3);

        // when: the next night sees the same articles again
        Run rerun = warta.run(DAY_TWO);

        // then: nothing is sent, every article is delivered again from the stored translation
        assertThat(rerun.exitCode()).isZero();
        assertThat(stub.requests()).hasSize(3);
        JsonNode summary = json.readTree(warta.output().resolve(DAY_TWO).resolve("run.json").toFile());
        assertThat(summary.path("counts").path("translated").asInt()).isEqualTo(3);
        assertThat(summary.path("counts").path("cached").asInt()).isEqualTo(3);
        assertThat(summary.path("calls").path("modelCalls").asInt()).isZero();
        assertThat(warta.output().resolve(DAY_TWO)).isDirectoryContaining(path -> path.toString().endsWith(".json"));
        assertThat(warta.rows("SELECT id FROM warta_article")).hasSize(3);
    }

    @Test
    void theSameArticleTwiceInOneRunCostsOneModelCall() throws Exception {
        // given: the same article in two files, as when two feeds carry one agency story
        Files.copy(warta.input().resolve("berita-1.txt"), warta.input().resolve("salinan-berita-1.txt"));
        stub.respondWith(request -> new SimulatedTranslator().apply(request).delayed(300));

        Run run = warta.run(DAY_ONE, "--warta.llm.concurrency=4");

        // then: it was paid once (same content, same id: one row, as for any article read twice)
        assertThat(run.exitCode()).isZero();
        assertThat(stub.requests()).hasSize(3);
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(3);
    }

    @Test
    void changedContentIsTranslatedAgainAndOnlyThat() throws Exception {
        warta.run(DAY_ONE);
        Files.writeString(warta.input().resolve("berita-2.txt"),
                "Berita nomor 2\n\nParagraf pertama yang sudah diperbarui redaksi pada malam hari. "
                        + "Air mulai surut di sebagian besar wilayah. Warga pulang ke rumah masing-masing.\n");

        Run rerun = warta.run(DAY_TWO);

        assertThat(rerun.exitCode()).isZero();
        assertThat(stub.requests()).hasSize(4);
        assertThat(stub.requests().get(3).document().path("paragraphs").get(0).asText())
                .contains("sudah diperbarui");
    }

    @Test
    void forceTranslatesAgainEvenWhenNothingChanged() throws Exception {
        warta.run(DAY_ONE);

        Run forced = warta.run(DAY_TWO, "--force");

        assertThat(forced.exitCode()).isZero();
        assertThat(stub.requests()).hasSize(6);
    }

    @Test
    void aFailedArticleIsRetriedByTheNextRunUntilTheAttemptLimit() throws Exception {
        // the provider's content filter stops this one article: its own fault, so the attempts count
        stub.respondWith(request -> request.message("user").contains("berita 2")
                ? OpenAiStub.completion(null, "content_filter", 50, 0) : new SimulatedTranslator().apply(request));

        assertThat(warta.run(DAY_ONE, "--warta.max-attempts=2").exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        assertThat(warta.run(DAY_TWO, "--warta.max-attempts=2").exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        int afterTwoRuns = stub.requests().size();
        assertThat(afterTwoRuns).isEqualTo(3 + 1);

        // a third run gives up on it without calling the model, and says how to try again
        warta.run("2025-11-20", "--warta.max-attempts=2");
        assertThat(stub.requests()).hasSize(afterTwoRuns);
        Map<String, Object> failed = warta.rows("SELECT * FROM warta_article WHERE status = 'failed'").get(0);
        // the verdict keeps the last real reason beside it
        assertThat((String) failed.get("REASON")).contains("gave up after 2 failed attempts")
                .contains("content filter").contains("--force");
        // and a further night does not bury it under another verdict
        warta.run("2025-11-21", "--warta.max-attempts=2");
        assertThat((String) warta.rows("SELECT reason FROM warta_article WHERE status = 'failed'").get(0)
                .get("REASON")).isEqualTo(failed.get("REASON"));

        // once the endpoint behaves, --force gets it done
        stub.reset();
        assertThat(warta.run("2025-11-22", "--warta.max-attempts=2", "--force").exitCode()).isZero();
    }

    @Test
    void theTokenBudgetStopsSendingAndLeavesTheRestPending() throws Exception {
        Run run = warta.run(DAY_ONE, "--warta.budget.max-tokens=1", "--warta.llm.concurrency=1",
                "--warta.chunk-size=1");

        assertThat(run.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        assertThat(stub.requests()).hasSize(1);
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'pending'")).hasSize(2)
                .allSatisfy(row -> assertThat((String) row.get("REASON")).contains("run budget reached"));
        assertThat(run.stdout()).contains("run budget reached");

        // the next run, with budget, picks the pending ones up
        assertThat(warta.run(DAY_TWO).exitCode()).isZero();
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void whenTheEndpointIsDownTheCircuitOpensAndTheRestIsLeftPendingForTheNextRun() throws Exception {
        for (int i = 4; i <= 12; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Isi berita nomor " + i + ". Warga berkumpul di balai desa. Rapat selesai sore hari.");
        }
        stub.respondWith(request -> StubResponse.error(503, "down"));

        Run run = warta.run(DAY_ONE, "--warta.llm.circuit-breaker-threshold=3", "--warta.llm.concurrency=1");

        // three calls fail, then no more are sent all night; the endpoint's trouble costs no article an attempt
        assertThat(stub.requests()).hasSize(3);
        assertThat(run.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'failed'")).isEmpty();
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'pending'")).hasSize(12)
                .allSatisfy(row -> assertThat(row.get("FAILED_ATTEMPTS")).isEqualTo(0));
        assertThat(warta.rows(
                "SELECT * FROM warta_article WHERE status = 'pending' AND reason LIKE '%endpoint failed (HTTP 503)%'"))
                .hasSize(3);
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'pending' AND reason LIKE '%unavailable%'"))
                .hasSize(9);
        assertThat(run.stdout()).contains("Not finished").contains("unavailable");

        // the next night the endpoint is back: everything is done
        stub.reset();
        assertThat(warta.run(DAY_TWO).exitCode()).isZero();
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'translated'")).hasSize(12);
    }

    @Test
    void theEndpointNeverHasMoreCallsInFlightThanTheConcurrencySetting() throws Exception {
        for (int i = 4; i <= 12; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Isi berita nomor " + i + ". Warga berkumpul di balai desa. Rapat selesai sore hari.");
        }
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        SimulatedTranslator model = new SimulatedTranslator();
        stub.respondWith(request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
                return model.apply(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return StubResponse.error(500, "interrupted");
            } finally {
                inFlight.decrementAndGet();
            }
        });

        Run run = warta.run(DAY_ONE, "--warta.llm.concurrency=3");

        // Warta prepares articles on more threads than that, but the endpoint sees three calls at a time, no more
        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(stub.requests()).hasSize(12);
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void aRateLimitedCallWaitsAsLongAsTheEndpointAsks() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        stub.respondWith(request -> calls.incrementAndGet() == 1
                ? StubResponse.error(429, "slow down").withHeader("Retry-After", "2")
                : new SimulatedTranslator().apply(request));

        long started = System.nanoTime();
        Run run = warta.run(DAY_ONE, "--warta.llm.max-retries=2", "--warta.llm.concurrency=1");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(run.exitCode()).isZero();
        assertThat(stub.requests()).hasSize(4);
        assertThat(seconds).isGreaterThanOrEqualTo(2);
        JsonNode summary = json.readTree(warta.output().resolve(DAY_ONE).resolve("run.json").toFile());
        assertThat(summary.path("calls").path("retries").asInt()).isEqualTo(1);
    }

    @Test
    void aSecondRunOnTheSameDatabaseIsRefusedWhileTheFirstIsAlive() throws Exception {
        warta.run(DAY_ONE);
        if (warta.database().isPostgres()) {
            // another host's run: a session of its own holding the database's run lock
            try (Connection otherHost = warta.connect()) {
                otherHost.createStatement().execute("SELECT pg_advisory_lock(" + 0x5741525441L + ")");

                assertThat(warta.run(DAY_TWO).exitCode()).isEqualTo(WartaRunner.ANOTHER_RUN_ACTIVE);
            }
            // its session ended (the process or the host died): the lock is free at once
            assertThat(warta.run(DAY_TWO).exitCode()).isZero();
            return;
        }
        Process other = new ProcessBuilder("sleep", "30").start();
        try (Connection connection = warta.connect()) {
            var update = connection.prepareStatement(
                    "UPDATE warta_lock SET owner = 'warta run on input', pid = ?, host = ?, acquired_at = ?, "
                            + "heartbeat_at = ? WHERE name = 'run'");
            update.setLong(1, other.pid());
            update.setString(2, InetAddress.getLocalHost().getHostName());
            update.setTimestamp(3, Timestamp.from(Instant.now()));
            update.setTimestamp(4, Timestamp.from(Instant.now()));
            update.executeUpdate();

            Run refused = warta.run(DAY_TWO);
            assertThat(refused.exitCode()).isEqualTo(WartaRunner.ANOTHER_RUN_ACTIVE);

            // when the holder is gone (killed), the lock is taken over at once
            other.destroyForcibly().waitFor();
            assertThat(warta.run(DAY_TWO).exitCode()).isZero();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aLockLeftByAnEarlierProcessWithThisProcessIdDoesNotBlockTheStart() throws Exception {
        assumeFalse(warta.database().isPostgres(), "on PostgreSQL the lock is a session's, not a process id's");
        warta.run(DAY_ONE);
        // containers start every process as pid 1: a row left by the previous container looks like "us"
        try (Connection connection = warta.connect()) {
            var update = connection.prepareStatement("UPDATE warta_lock SET owner = 'warta run on input', "
                    + "token = 'earlier-process', pid = ?, host = ?, acquired_at = ?, heartbeat_at = ? WHERE name = 'run'");
            update.setLong(1, ProcessHandle.current().pid());
            update.setString(2, InetAddress.getLocalHost().getHostName());
            update.setTimestamp(3, Timestamp.from(Instant.now()));
            update.setTimestamp(4, Timestamp.from(Instant.now()));
            update.executeUpdate();
        }

        assertThat(warta.run(DAY_TWO).exitCode()).isZero();
    }

    @Test
    void aRunKilledMidwayIsResumedWithoutLosingOrRepeatingArticles() throws Exception {
        // given: a run in its own JVM, killed with SIGKILL once some chunks have been committed
        killMidRun("killed-run.log");
        int sentBeforeKill = stub.requests().size();
        assertThat(sentBeforeKill).as(Files.readString(work.resolve("killed-run.log"))).isBetween(10, 23);
        // the kill fell between commits and their export (rows without files), and left a half-written file
        Path dayFolder = warta.output().resolve(DAY_ONE);
        Files.createDirectories(dayFolder);
        Files.writeString(dayFolder.resolve(".berita-1.json.1234.tmp"), "{\"half\": ");

        // and: while it was down, a late article arrived whose name sorts before everything already done
        warta.addArticle("berita-0.txt", "Berita nomor 0",
                "Isi berita nomor 0. Warga berkumpul di balai desa. Rapat selesai sore hari.");

        // when: the operator simply runs it again
        Run resumed = warta.run(DAY_ONE, "--warta.chunk-size=4", "--warta.llm.concurrency=4");

        // then: every article is there once, translated, and those finished before the kill were not sent again
        assertThat(resumed.exitCode()).as(resumed.stdout()).isZero();
        List<Map<String, Object>> rows = warta.rows("SELECT id, status FROM warta_article");
        assertThat(rows).hasSize(25).allSatisfy(row -> assertThat(row.get("STATUS")).isEqualTo("translated"));
        long distinctArticlesSent = stub.requests().stream()
                .map(request -> request.document().path("title").asText()).distinct().count();
        assertThat(distinctArticlesSent).isEqualTo(25);
        // at most the calls in flight at the moment of the kill are paid twice
        assertThat(stub.requests().size()).isLessThanOrEqualTo(25 + 4);
        try (var files = Files.list(dayFolder)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("digest")))
                    .as("25 article files, run.json, no temporary file left").hasSize(26)
                    .allMatch(name -> name.endsWith(".json") && !name.startsWith("."));
        }
        for (Map<String, Object> row : rows) {
            JsonNode file = json.readTree(dayFolder.resolve(row.get("ID") + ".json").toFile());
            assertThat(file.path("status").asText()).isEqualTo("translated");
        }
        assertThat(warta.rows("SELECT status FROM warta_run")).hasSize(1);
    }

    @Test
    void aRunWhoseStepEndCouldNotBeRecordedIsResumedByTheNextStartWithoutLosingOrRepeatingArticles() throws Exception {
        killMidRun("cut-run.log");
        // given: the state Spring Batch leaves when the database connection breaks just as it records a step's end
        // (a database restart, a failover): the step and the job marked UNKNOWN, "should not be restarted"
        try (var connection = warta.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE batch_step_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' "
                    + "WHERE status = 'STARTED'");
            statement.executeUpdate("UPDATE batch_job_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' "
                    + "WHERE status = 'STARTED'");
        }
        assertThat(warta.rows("SELECT status FROM batch_step_execution WHERE status = 'UNKNOWN'")).isNotEmpty();

        // when: the operator runs it again, then: it goes on from the last committed chunk, without a hand in the
        // job repository, and every article is there once, none paid twice but those in flight at the cut
        Run resumed = warta.run(DAY_ONE, "--warta.chunk-size=4", "--warta.llm.concurrency=4");
        assertThat(resumed.exitCode()).as(resumed.stdout()).isZero();
        assertThat(warta.rows("SELECT id, status FROM warta_article")).hasSize(24)
                .allSatisfy(row -> assertThat(row.get("STATUS")).isEqualTo("translated"));
        assertThat(stub.requests().stream().map(request -> request.document().path("title").asText()).distinct())
                .hasSize(24);
        assertThat(stub.requests().size()).isLessThanOrEqualTo(24 + 4);
        assertThat(warta.rows("SELECT status FROM warta_run")).singleElement()
                .satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("completed"));
    }

    /**
     * Adds 21 articles to the three of {@link #setUp}, starts a run of all 24 in its own JVM (4 calls of 150 ms at a
     * time, chunks of 4) and kills it with SIGKILL once 10 calls were answered, some chunks committed.
     */
    private void killMidRun(String logName) throws Exception {
        for (int i = 4; i <= 24; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Isi berita nomor " + i + ". Warga berkumpul di balai desa. Rapat selesai sore hari.");
        }
        AtomicInteger answered = new AtomicInteger();
        stub.respondWith(request -> {
            answered.incrementAndGet();
            return new SimulatedTranslator().apply(request).delayed(150);
        });
        Process run = warta.startProcess(
                warta.arguments(DAY_ONE, "--warta.chunk-size=4", "--warta.llm.concurrency=4"), work.resolve(logName));
        long deadline = System.currentTimeMillis() + 60_000;
        while (answered.get() < 10 && System.currentTimeMillis() < deadline && run.isAlive()) {
            Thread.sleep(20);
        }
        run.destroyForcibly().waitFor();
    }

    @Test
    void aRunKilledWhileExportingIsFinishedByTheNextStart() throws Exception {
        for (int i = 4; i <= 300; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Isi berita nomor " + i + ". Warga berkumpul di balai desa. Rapat selesai sore hari.");
        }
        stub.respondWith(new SimulatedTranslator());
        Path dayFolder = warta.output().resolve(DAY_ONE);

        // given: a run killed with SIGKILL while its export step writes the article files (they are written only
        // from committed rows, after the last translation)
        Process run = warta.startProcess(warta.arguments(DAY_ONE, "--warta.llm.concurrency=8"),
                work.resolve("killed-run.log"));
        long deadline = System.currentTimeMillis() + 120_000;
        while (articleFiles(dayFolder) < 20 && run.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        run.destroyForcibly().waitFor();
        String killedLog = Files.readString(work.resolve("killed-run.log"));
        long writtenBeforeKill = articleFiles(dayFolder);
        assertThat(writtenBeforeKill).as("killed during the export: %s", killedLog).isBetween(20L, 299L);
        assertThat(dayFolder.resolve("run.json")).doesNotExist();
        int sentBeforeKill = stub.requests().size();
        assertThat(sentBeforeKill).isEqualTo(300);

        // when: the operator runs it again
        Run resumed = warta.run(DAY_ONE, "--warta.llm.concurrency=8");

        // then: nothing is translated or paid again, and every article file is there once, whole
        assertThat(resumed.exitCode()).as(resumed.stdout()).isZero();
        assertThat(stub.requests()).hasSize(sentBeforeKill);
        List<Map<String, Object>> rows = warta.rows("SELECT id, status FROM warta_article");
        assertThat(rows).hasSize(300);
        try (var files = Files.list(dayFolder)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("digest")))
                    .as("300 article files, run.json, no temporary file left").hasSize(301)
                    .allMatch(name -> name.endsWith(".json") && !name.startsWith("."));
        }
        for (Map<String, Object> row : rows) {
            JsonNode file = json.readTree(dayFolder.resolve(row.get("ID") + ".json").toFile());
            assertThat(file.path("status").asText()).isEqualTo(row.get("STATUS"));
        }
        JsonNode summary = json.readTree(dayFolder.resolve("run.json").toFile());
        assertThat(summary.path("counts").path("read").asInt()).isEqualTo(300);
        assertThat(warta.rows("SELECT status FROM warta_run")).hasSize(1);
    }

    private static long articleFiles(Path dayFolder) throws IOException {
        if (!Files.isDirectory(dayFolder)) {
            return 0;
        }
        try (var files = Files.list(dayFolder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.startsWith(".") && !name.equals("run.json"))
                    .count();
        }
    }
}
