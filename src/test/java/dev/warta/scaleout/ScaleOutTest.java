package dev.warta.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warta.store.Json;
import dev.warta.store.WorkItemRepository;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.SimulatedTranslator;
import dev.warta.testing.TcpProxy;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scale-out run as operators run it: a manager and worker JVMs on one PostgreSQL (started by the tests), the
 * model behind the local OpenAI-compatible stub. Pins down that a worker killed with SIGKILL mid-partition costs no
 * article and no duplicate, and at most its calls in flight paid twice; that a manager killed mid-run is resumed
 * by the next start while the workers carry on; that two workers keep one budget; that a worker that cannot
 * reach the endpoint fails its partition in one line that the manager reports; and that database trouble (a worker's
 * connections or the manager's breaking for a moment, a worker or the manager losing the database) costs no article
 * and no duplicate.
 */
class ScaleOutTest {

    private static final String DAY = "2026-11-30";
    private static final int CONCURRENCY = 4;
    private static final int ARTICLES = 200;

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        stub = OpenAiStub.start();
        stub.respondWith(request -> new SimulatedTranslator().apply(request).delayed(150));
        warta = new WartaHarness(work, stub.baseUrl(), TestDatabase.postgres());
    }

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
        stub.close();
    }

    @Test
    void aWorkerKilledMidPartitionCostsNoArticleAndNoDuplicate() throws Exception {
        addArticles(ARTICLES);
        Process manager = start("manager", warta.arguments(DAY, "--warta.partitions=4",
                "--warta.scale-out.heartbeat=1s", "--warta.scale-out.worker-timeout=5s"));
        Process first = start("worker-1", workerArguments(stub.baseUrl()));
        Process second = start("worker-2", workerArguments(stub.baseUrl()));

        // when the first worker is in the middle of a partition, with calls in flight, it is killed
        waitFor(() -> runningPartitionOf(first) && articlesStored() >= 10, manager);
        first.destroyForcibly();   // SIGKILL
        first.waitFor();
        // systemd's Restart= brings it back
        start("worker-1-again", workerArguments(stub.baseUrl()));

        assertThat(exitOf(manager)).as(log("manager")).isZero();

        assertEveryArticleOnceAndAtMostInFlightPaidTwice();

        // run.json says which worker did which partition: the killed worker's partition was run again elsewhere
        JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
        assertThat(run.path("status").asText()).isEqualTo("completed");
        JsonNode partitions = run.path("partitions");
        assertThat(partitions).hasSize(4);
        int items = 0;
        boolean rerun = false;
        for (JsonNode partition : partitions) {
            assertThat(partition.path("status").asText()).isEqualTo("completed");
            assertThat(partition.path("worker").asText()).matches(".+/\\d+");
            items += partition.path("items").asInt();
            rerun |= partition.path("attempts").asInt() >= 2;
        }
        assertThat(items).isEqualTo(ARTICLES);
        assertThat(rerun).as("the killed worker's partition ran again").isTrue();
        assertThat(log("manager")).contains("partition").contains("total");

        // each item sits in the partition its input key hashes to
        assertThat(warta.rows("SELECT input_key, partition_no FROM warta_work_item")).hasSize(ARTICLES)
                .allSatisfy(row -> assertThat(((Number) row.get("PARTITION_NO")).intValue())
                        .isEqualTo(WorkItemRepository.partitionOf((String) row.get("INPUT_KEY"), 4)));
        second.destroy();
    }

    @Test
    void aWorkerThatLosesTheDatabaseMidPartitionFailsItInOneLineAndAnotherWorkerFinishesIt() throws Exception {
        addArticles(ARTICLES);
        try (TcpProxy proxy = TcpProxy.toServerOf(warta.jdbcUrl())) {
            Process manager = start("manager", warta.arguments(DAY, "--warta.partitions=4",
                    "--warta.scale-out.heartbeat=1s", "--warta.scale-out.worker-timeout=5s"));
            // the first worker reaches the database through the proxy; the other worker and the manager directly
            Process cutOff = start("worker-1", workerArguments(stub.baseUrl(),
                    "--spring.datasource.url=" + proxy.route(warta.jdbcUrl())));
            Process second = start("worker-2", workerArguments(stub.baseUrl()));

            // the link to the database breaks while the first worker has calls in flight
            waitFor(() -> runningPartitionOf(cutOff) && articlesStored() >= 10, manager);
            int partition = ((Number) warta.rows("SELECT partition_no FROM warta_partition WHERE status = 'running' "
                    + "AND worker LIKE ?", "%/" + cutOff.pid()).get(0).get("PARTITION_NO")).intValue();
            proxy.cut();

            assertThat(exitOf(manager)).as(allLogs()).isZero();

            // the worker says so in one line and exits, rather than keep a state that belongs to the lost database
            assertThat(cutOff.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as(log("worker-1")).isTrue();
            assertThat(cutOff.exitValue()).as(log("worker-1")).isEqualTo(3);
            List<String> verdicts = log("worker-1").lines().filter(line -> line.startsWith("warta worker ")).toList();
            assertThat(verdicts).as(log("worker-1")).singleElement().asString().matches("warta worker .+/"
                    + cutOff.pid() + ": partition " + partition + " of run \\d+ failed: lost the database \\(.+\\); "
                    + ".*this worker exits");

            // nothing lost, nothing twice: the other worker finished the partition
            assertEveryArticleOnceAndAtMostInFlightPaidTwice();
            // run.json and the end table say which partition failed on the way, and why
            JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
            assertThat(run.path("status").asText()).isEqualTo("completed");
            JsonNode rerun = run.path("partitions").get(partition);
            assertThat(rerun.path("status").asText()).isEqualTo("completed");
            assertThat(rerun.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(rerun.path("worker").asText()).doesNotEndWith("/" + cutOff.pid());
            assertThat(rerun.path("earlierFailures").asText()).contains("attempt 1: worker ")
                    .contains("/" + cutOff.pid() + " stopped answering");
            assertThat(log("manager")).containsPattern("(?m)^  " + partition + " .* completed .*\\(before: attempt 1: "
                    + "worker .+/" + cutOff.pid() + " stopped answering");
            second.destroy();
        }
    }

    @Test
    void aPartitionWhoseDatabaseConnectionsBreakForAMomentIsRunAgainAtOnceAndTheRunCompletes() throws Exception {
        addArticles(ARTICLES);
        try (TcpProxy proxy = TcpProxy.toServerOf(warta.jdbcUrl())) {
            Process manager = start("manager", warta.arguments(DAY, "--warta.partitions=4",
                    "--warta.scale-out.heartbeat=1s", "--warta.scale-out.worker-timeout=5s"));
            Process blipped = start("worker-1", workerArguments(stub.baseUrl(),
                    "--spring.datasource.url=" + proxy.route(warta.jdbcUrl())));
            Process second = start("worker-2", workerArguments(stub.baseUrl()));

            // every connection of the first worker breaks while it writes and has calls in flight (the database
            // restarted, a failover); new connections work at once
            waitFor(() -> runningPartitionOf(blipped) && articlesStored() >= 10, manager);
            int partition = ((Number) warta.rows("SELECT partition_no FROM warta_partition WHERE status = 'running' "
                    + "AND worker LIKE ?", "%/" + blipped.pid()).get(0).get("PARTITION_NO")).intValue();
            proxy.drop();

            // the manager runs the partition again in the same run: no article waits for the next night
            assertThat(exitOf(manager)).as(allLogs()).isZero();
            assertEveryArticleOnceAndAtMostInFlightPaidTwice();
            assertThat(log("worker-1")).as(allLogs()).containsPattern("warta worker .+/" + blipped.pid()
                    + ": partition " + partition + " of run \\d+ interrupted: the database connection broke: .+; the "
                    + "manager runs it again");
            JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
            assertThat(run.path("status").asText()).isEqualTo("completed");
            assertThat(run.path("partitions")).allSatisfy(each ->
                    assertThat(each.path("status").asText()).isEqualTo("completed"));
            JsonNode again = run.path("partitions").get(partition);
            assertThat(again.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(again.path("earlierFailures").asText()).contains("attempt 1: the database connection broke");
            assertThat(log("manager")).contains("Running the partitions of lost or interrupted workers again");
            second.destroy();
            blipped.destroy();
        }
    }

    @Test
    void aManagerThatLosesTheDatabaseMidRunSaysSoAndTheNextStartFinishesTheRunWithoutPayingTwice() throws Exception {
        addArticles(ARTICLES);
        try (TcpProxy proxy = TcpProxy.toServerOf(warta.jdbcUrl())) {
            Process manager = startManagerBehindMidRun(proxy);
            proxy.cut();

            // the manager cannot follow the run any more: it says so in one line and exits 3, rather than wait the
            // pool's timeout at every statement still to come
            assertThat(manager.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as(allLogs()).isTrue();
            assertThat(manager.exitValue()).as(allLogs()).isEqualTo(3);
            assertThat(log("manager").lines().filter(line -> line.startsWith("warta: "))).as(log("manager"))
                    .singleElement().asString().startsWith("warta: lost the database (")
                    .endsWith("run it again once the database is back, and it goes on where it stopped.");

            // the workers carried on; the manager started again (the database in reach) finishes the same run
            Process again = start("manager-again", warta.arguments(DAY, "--warta.partitions=4",
                    "--warta.scale-out.heartbeat=1s", "--warta.scale-out.worker-timeout=5s"));
            assertThat(exitOf(again)).as(allLogs()).isZero();
            assertEveryArticleOnceAndAtMostInFlightPaidTwice();
            assertThat(warta.rows("SELECT id FROM warta_run")).hasSize(1);
        }
    }

    @Test
    void aManagerWhoseDatabaseConnectionsBreakForAMomentFinishesTheRunItself() throws Exception {
        addArticles(ARTICLES);
        try (TcpProxy proxy = TcpProxy.toServerOf(warta.jdbcUrl())) {
            Process manager = startManagerBehindMidRun(proxy);
            // every connection of the manager breaks mid-run, its run lock's session among them (the database
            // restarted, a failover); new connections work at once
            proxy.drop();

            // the manager finishes the same run itself, the night's articles delivered by morning: it waits for the
            // partitions the workers run, sends the rest again, and takes its run lock back (no other run took it)
            assertThat(exitOf(manager)).as(allLogs()).isZero();
            assertEveryArticleOnceAndAtMostInFlightPaidTwice();
            assertThat(warta.rows("SELECT id FROM warta_run")).hasSize(1);
            assertThat(log("manager")).as(allLogs()).contains("The database connections broke");
            JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
            assertThat(run.path("status").asText()).isEqualTo("completed");
            assertThat(run.path("partitions")).allSatisfy(each ->
                    assertThat(each.path("status").asText()).isEqualTo("completed"));
        }
    }

    /**
     * A manager that reaches the database through {@code proxy} and two workers that reach it directly, once the
     * workers run partitions and have stored a few articles.
     */
    private Process startManagerBehindMidRun(TcpProxy proxy) throws Exception {
        Process manager = start("manager", warta.arguments(DAY, "--warta.partitions=4",
                "--warta.scale-out.heartbeat=1s", "--warta.scale-out.worker-timeout=5s",
                "--spring.datasource.url=" + proxy.route(warta.jdbcUrl())));
        start("worker-1", workerArguments(stub.baseUrl()));
        start("worker-2", workerArguments(stub.baseUrl()));
        waitFor(() -> partitionsIn("running") > 0 && articlesStored() >= 10, manager);
        return manager;
    }

    @Test
    void aManagerKilledDuringItsIngestStepIsResumedByTheNextStartWhichIngestsEachInputOnce() throws Exception {
        int articles = 1000;
        addArticles(articles);
        List<String> managerArguments = warta.arguments(DAY, "--warta.partitions=2",
                "--warta.scale-out.heartbeat=1s", "--warta.scale-out.worker-timeout=5s");
        Process manager = start("manager", managerArguments);

        // killed while it puts the inputs into the database (its ingest step has started, not ended)
        waitFor(() -> !stepsOf("ingestStep", "STARTED").isEmpty(), manager);
        manager.destroyForcibly();   // SIGKILL
        manager.waitFor();
        assertThat(stepsOf("ingestStep", "COMPLETED")).as("killed before the ingest step ended").isEmpty();

        Process first = start("worker-1", workerArguments(stub.baseUrl()));
        Process second = start("worker-2", workerArguments(stub.baseUrl()));
        Process again = start("manager-again", managerArguments);
        assertThat(exitOf(again)).as(allLogs()).isZero();

        // the same run and job instance; each input ingested once, in the partition it hashes to
        assertThat(warta.rows("SELECT id FROM warta_run")).hasSize(1);
        assertThat(warta.rows("SELECT job_instance_id FROM batch_job_instance")).hasSize(1);
        assertThat(stepsOf("ingestStep", "COMPLETED")).hasSize(1);
        assertThat(warta.rows("SELECT input_key FROM warta_work_item")).hasSize(articles);
        assertThat(warta.rows("SELECT input_key FROM warta_work_item GROUP BY input_key HAVING COUNT(*) > 1"))
                .isEmpty();
        // every article once in the database and in files, each paid once
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(articles);
        try (Stream<Path> files = Files.list(warta.output().resolve(DAY))) {
            assertThat(files.filter(path -> !path.getFileName().toString().equals("run.json"))
                    .filter(path -> path.getFileName().toString().endsWith(".json"))).hasSize(articles);
        }
        assertThat(stub.requests()).hasSize(articles);
        JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
        assertThat(run.path("status").asText()).isEqualTo("completed");
        second.destroy();
        first.destroy();
    }

    private List<Map<String, Object>> stepsOf(String name, String status) {
        try {
            return warta.rows("SELECT step_execution_id FROM batch_step_execution WHERE step_name = ? AND status = ?",
                    name, status);
        } catch (Exception notYet) {
            return List.of();
        }
    }

    @Test
    void aManagerKilledMidRunIsResumedByTheNextStartWhileTheWorkersCarryOn() throws Exception {
        // closed, the gate holds the answers, so that the next manager starts while partitions are in flight
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> gate =
                new java.util.concurrent.atomic.AtomicReference<>(new java.util.concurrent.CountDownLatch(0));
        stub.respondWith(request -> {
            try {
                gate.get().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SimulatedTranslator().apply(request).delayed(200);
        });
        addArticles(ARTICLES);
        List<String> managerArguments = warta.arguments(DAY, "--warta.partitions=6",
                "--warta.scale-out.heartbeat=1s", "--warta.scale-out.worker-timeout=5s");
        Process manager = start("manager", managerArguments);
        Process first = start("worker-1", workerArguments(stub.baseUrl()));
        Process second = start("worker-2", workerArguments(stub.baseUrl()));

        // killed when a partition has completed, others run and the rest wait in the queue
        waitFor(() -> partitionsIn("completed") >= 1 && partitionsIn("running") >= 1 && partitionsIn("waiting") >= 1,
                manager);
        manager.destroyForcibly();   // SIGKILL
        manager.waitFor();
        int storedAtKill = articlesStored();
        Object killedAt = warta.rows("SELECT CURRENT_TIMESTAMP AS now").get(0).get("NOW");

        // no manager: the workers go on with what they run, and take the requests still queued
        waitFor(() -> articlesStored() >= storedAtKill + 30 && partitionsStartedAfter(killedAt) > 0, first);
        gate.set(new java.util.concurrent.CountDownLatch(1));
        Set<Integer> completedBefore = partitionNumbers("completed");
        Set<Integer> runningAtRestart = partitionNumbers("running");
        assertThat(runningAtRestart).as("partitions in flight when the manager starts again").isNotEmpty();

        Process again = start("manager-again", managerArguments);
        // it lets the workers finish what they run rather than fail it under them
        waitFor(() -> log("manager-again").contains("waiting for partition"), again);
        gate.get().countDown();
        assertThat(exitOf(again)).as(allLogs()).isZero();
        assertThat(first.isAlive() && second.isAlive()).as("the workers outlive both managers").isTrue();

        // the same run, the same job instance, ingested once
        assertThat(warta.rows("SELECT id FROM warta_run")).hasSize(1);
        assertThat(warta.rows("SELECT job_instance_id FROM batch_job_instance")).hasSize(1);
        assertThat(warta.rows("SELECT step_execution_id FROM batch_step_execution WHERE step_name = 'ingestStep'"))
                .hasSize(1);
        assertThat(warta.rows("SELECT input_key FROM warta_work_item")).hasSize(ARTICLES);
        // neither a completed partition nor one a worker was running is sent again: the workers carried on
        Set<Integer> notSentAgain = new HashSet<>(completedBefore);
        notSentAgain.addAll(runningAtRestart);
        for (int partition : notSentAgain) {
            assertThat(warta.rows("SELECT step_execution_id FROM batch_step_execution WHERE step_name = ?",
                    "translatePartitionStep:partition" + partition)).as("partition " + partition).hasSize(1);
        }
        assertThat(log("worker-1") + log("worker-2")).doesNotContain("failed").doesNotContain("gave partition")
                .doesNotContain("stopped (");
        assertEveryArticleOnceAndAtMostInFlightPaidTwice();
        JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.path("partitions")).hasSize(6)
                .allSatisfy(partition -> assertThat(partition.path("status").asText()).isEqualTo("completed"));
        second.destroy();
        first.destroy();
    }

    @Test
    void twoWorkersTogetherKeepTheRunsBudgetAndARerunWithARaisedCapFinishesTheRest() throws Exception {
        // every call costs 500 tokens: the cap of 10,000 is twenty calls
        stub.respondWith(request -> {
            OpenAiStub.StubResponse simulated = new SimulatedTranslator().apply(request);
            try {
                String content = Json.mapper().readTree(simulated.body()).at("/choices/0/message/content").asText();
                return OpenAiStub.completion(content, "stop", 400, 100).delayed(150);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int articles = 60;
        addArticles(articles);
        Process first = start("worker-1", workerArguments(stub.baseUrl()));
        Process second = start("worker-2", workerArguments(stub.baseUrl()));
        waitFor(() -> log("worker-1").contains("waiting for partitions") && log("worker-2").contains("waiting for "
                + "partitions"), first);
        // the cap is the manager's: the workers take it from the run
        Process manager = start("manager", warta.arguments(DAY, "--warta.partitions=2",
                "--warta.budget.max-tokens=10000"));

        assertThat(exitOf(manager)).as(allLogs()).isEqualTo(1);

        // both workers spent the one budget: no more than the cap and the calls in flight of both
        assertThat(warta.rows("SELECT DISTINCT worker FROM warta_partition")).as(allLogs()).hasSize(2);
        int paid = stub.requests().size();
        assertThat(paid).as("calls paid").isBetween(20, 20 + 2 * CONCURRENCY);
        assertThat(stub.billedPromptTokens() + stub.billedCompletionTokens()).isLessThanOrEqualTo(
                10_000 + 2 * CONCURRENCY * 500);
        // the rest is pending with the budget's reason, and the manager says which partitions it left unfinished
        List<Map<String, Object>> pending = warta.rows("SELECT reason FROM warta_article WHERE status = 'pending'");
        assertThat(pending).hasSize(articles - paid)
                .allSatisfy(row -> assertThat((String) row.get("REASON")).contains("run budget reached"));
        assertThat(log("manager")).contains("Partitions not finished").contains("run budget reached");
        JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
        assertThat(run.path("status").asText()).isEqualTo("failed");
        List<JsonNode> unfinished = new ArrayList<>();
        run.path("partitions").forEach(partition -> {
            if (!partition.path("status").asText().equals("completed")) {
                unfinished.add(partition);
            }
        });
        assertThat(unfinished).isNotEmpty().allSatisfy(partition -> {
            assertThat(partition.path("status").asText()).isEqualTo("failed");
            assertThat(partition.path("reason").asText()).contains("left pending: run budget reached");
        });

        // the manager started again with a raised cap: the same run finishes, the workers carry on as they are
        Process again = start("manager-again", warta.arguments(DAY, "--warta.partitions=2",
                "--warta.budget.max-tokens=100000"));
        assertThat(exitOf(again)).as(allLogs()).isZero();
        assertThat(warta.rows("SELECT id FROM warta_run")).hasSize(1);
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(articles);
        try (Stream<Path> files = Files.list(warta.output().resolve(DAY))) {
            assertThat(files.filter(path -> !path.getFileName().toString().equals("run.json"))
                    .filter(path -> path.getFileName().toString().endsWith(".json"))).hasSize(articles);
        }
        // each article paid once: those left pending were never sent
        assertThat(stub.requests()).hasSize(articles);
        assertThat(stub.requests().stream().map(request -> request.body().toString()).distinct()).hasSize(articles);
        run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
        assertThat(run.path("status").asText()).isEqualTo("completed");
        second.destroy();
        first.destroy();
    }

    @Test
    void anEndpointAnswering503OpensTheCircuitForTheRunAfterTheThresholdAndTheManagerRunsTheFailedPartitionsAgain()
            throws Exception {
        // slow enough that both workers have calls out at the same time
        stub.respondWith(request -> OpenAiStub.StubResponse.error(503, "overloaded").delayed(200));
        int articles = 40;
        int threshold = 8;
        addArticles(articles);
        String[] twoCallsAtATime = {"--warta.llm.concurrency=2", "--warta.llm.circuit-breaker-threshold=" + threshold};
        Process first = start("worker-1", workerArguments(stub.baseUrl(), twoCallsAtATime));
        Process second = start("worker-2", workerArguments(stub.baseUrl(), twoCallsAtATime));
        waitFor(() -> log("worker-1").contains("waiting for partitions") && log("worker-2").contains("waiting for "
                + "partitions"), first);
        Process manager = start("manager", warta.arguments(DAY, "--warta.partitions=2"));

        assertThat(exitOf(manager)).as(allLogs()).isEqualTo(1);

        // the count of consecutive failed calls is the run's: both workers together send the threshold's failing
        // calls, plus at most those in flight in both (2 x 2) when it is reached; counted per process it was up to
        // twice the threshold, and one call per article (40) with no circuit at all
        assertThat(warta.rows("SELECT DISTINCT worker FROM warta_partition")).as(allLogs()).hasSize(2);
        assertThat(stub.requests()).as(allLogs()).hasSizeBetween(threshold, threshold + 2 * 2);
        assertThat(log("worker-1") + log("worker-2")).containsPattern("warta worker .+/\\d+: partition [01] of run "
                + "\\d+ failed: \\d+ articles left pending: ");
        assertThat(log("manager")).contains("Partitions not finished: 0 (").contains("1 (");
        JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
        assertThat(run.path("partitions")).hasSize(2).allSatisfy(partition -> {
            assertThat(partition.path("status").asText()).isEqualTo("failed");
            assertThat(partition.path("reason").asText()).contains("left pending");
        });
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'pending'")).hasSize(articles);

        // the endpoint is back: the manager started again runs the failed partitions on the same workers
        stub.respondWith(new SimulatedTranslator());
        Process again = start("manager-again", warta.arguments(DAY, "--warta.partitions=2"));
        assertThat(exitOf(again)).as(allLogs()).isZero();
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(articles);
        assertThat(warta.rows("SELECT id FROM warta_run")).hasSize(1);
        second.destroy();
        first.destroy();
    }

    @Test
    void aWorkerThatCannotReachTheEndpointFailsItsPartitionsInOneLineAndTheManagerSaysWhich() throws Exception {
        addArticles(12);
        String closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
        Process manager = start("manager", warta.arguments(DAY, "--warta.partitions=2"));
        start("worker", workerArguments(closedPort));

        assertThat(exitOf(manager)).as(log("manager")).isEqualTo(1);

        assertThat(log("worker")).containsPattern("warta worker .+/\\d+: partition [01] of run \\d+ failed: \\d+ "
                + "articles left pending: .*(refused|unreachable|connect).*");
        assertThat(log("manager")).contains("Partitions not finished: 0 (").contains("1 (");
        JsonNode run = Json.mapper().readTree(warta.output().resolve(DAY).resolve("run.json").toFile());
        assertThat(run.path("partitions")).allSatisfy(partition -> {
            assertThat(partition.path("status").asText()).isEqualTo("failed");
            assertThat(partition.path("reason").asText()).contains("left pending");
        });
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'pending'")).hasSize(12);
        assertThat(stub.requests()).isEmpty();
    }

    /** Every article exactly once in the database and in files; only calls in flight (one worker's) paid twice. */
    private void assertEveryArticleOnceAndAtMostInFlightPaidTwice() throws Exception {
        // every article exactly once in the database, and exactly one file each
        List<Map<String, Object>> rows = warta.rows("SELECT id, status FROM warta_article");
        assertThat(rows).hasSize(ARTICLES);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("STATUS")).isEqualTo("translated"));
        try (Stream<Path> files = Files.list(warta.output().resolve(DAY))) {
            assertThat(files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.equals("run.json")))
                    .hasSize(ARTICLES)
                    .containsExactlyInAnyOrderElementsOf(rows.stream().map(row -> row.get("ID") + ".json").toList());
        }
        // the calls the killed worker had in flight are the only ones paid twice
        assertThat(stub.repeatedRequests()).isLessThanOrEqualTo(CONCURRENCY);
        assertThat(stub.requests().stream().map(request -> request.body().toString()).distinct()).hasSize(ARTICLES);
    }

    private int exitOf(Process manager) throws InterruptedException {
        if (!manager.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the manager did not finish; logs:\n" + allLogs());
        }
        return manager.exitValue();
    }

    @Test
    void twoWorkersKeepTheRequestRateOfOneRunTogether() throws Exception {
        // 120 requests a minute for the run: one call every 500 ms, whichever worker sends it
        java.util.Queue<Long> arrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();
        stub.respondWith(request -> {
            arrivals.add(System.nanoTime());
            return new SimulatedTranslator().apply(request);
        });
        addArticles(24);
        String rate = "--warta.llm.requests-per-minute=120";
        Process first = start("worker-1", workerArguments(stub.baseUrl(), rate));
        Process second = start("worker-2", workerArguments(stub.baseUrl(), rate));
        // both workers wait for partitions before the manager sends any, so they call the endpoint at the same time
        waitFor(() -> log("worker-1").contains("waiting for partitions") && log("worker-2").contains("waiting for "
                + "partitions"), first);
        Process manager = start("manager", warta.arguments(DAY, "--warta.partitions=2", rate));

        assertThat(exitOf(manager)).as(log("manager")).isZero();

        assertThat(warta.rows("SELECT DISTINCT worker FROM warta_partition")).as(allLogs()).hasSize(2);
        List<Long> times = new ArrayList<>(arrivals);
        assertThat(times).hasSize(24);
        // in any 3 s at most 8 calls (6 at the rate, the one the bucket holds, and one whose send a busy machine
        // delayed into the next slot); two workers each keeping the rate on their own would send about 12
        times.sort(Comparator.naturalOrder());
        for (int i = 0; i < times.size(); i++) {
            long from = times.get(i);
            long inWindow = times.stream().filter(t -> t >= from && t < from + 3_000_000_000L).count();
            assertThat(inWindow).as("calls in the 3 s from call " + i).isLessThanOrEqualTo(8);
        }
        // and over the whole run: 24 calls at 2 a second take 11.5 s; alone, each worker would take about 6 s
        assertThat(times.get(times.size() - 1) - times.get(0)).isGreaterThan(10_000_000_000L);
        second.destroy();
        first.destroy();
    }

    @Test
    void onAnH2FileTheManagerRefusesInOneLine() throws Exception {
        WartaHarness onH2 = new WartaHarness(work.resolve("h2"), stub.baseUrl());
        onH2.addArticle("berita.txt", "Berita", "Isi berita. Warga berkumpul di balai desa.");

        WartaHarness.Run manager = onH2.run(DAY, "--warta.partitions=2");
        assertThat(manager.exitCode()).isEqualTo(2);
        assertThat(manager.stderr()).contains("warta.partitions needs a database that the workers share: PostgreSQL");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void theAssignmentOfAnItemToItsPartitionIsStableAndEven() {
        int[] sizes = new int[4];
        for (int i = 0; i < 4000; i++) {
            String key = "/srv/input/2026-11-30/kompas-" + i + ".html";
            int partition = WorkItemRepository.partitionOf(key, 4);
            assertThat(WorkItemRepository.partitionOf(key, 4)).isEqualTo(partition);
            sizes[partition]++;
        }
        // even within a few percent, whatever the names look like
        assertThat(java.util.Arrays.stream(sizes).boxed().toList()).allSatisfy(size -> assertThat(size).isBetween(900, 1100));
        // feed entries of one file are spread too, not kept together
        Set<Integer> ofOneFeed = new HashSet<>();
        for (int entry = 1; entry <= 20; entry++) {
            ofOneFeed.add(WorkItemRepository.partitionOf("/srv/input/feed.jsonl#entry " + entry, 4));
        }
        assertThat(ofOneFeed).hasSize(4);
    }

    /** A worker's arguments; an {@code extra} option replaces the default of the same name. */
    private List<String> workerArguments(String baseUrl, String... extra) {
        List<String> options = new ArrayList<>(List.of("--warta.llm.concurrency=" + CONCURRENCY,
                "--warta.llm.base-url=" + baseUrl, "--warta.scale-out.heartbeat=1s"));
        options.addAll(List.of(extra));
        List<String> args = new ArrayList<>(List.of("worker"));
        args.addAll(warta.arguments(DAY, options.toArray(String[]::new)));
        return args;
    }

    private void addArticles(int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Isi berita nomor " + i + ". Warga berkumpul di balai desa nomor " + i + ".",
                    "Rapat selesai sore hari. Kepala desa berbicara tentang anggaran " + i + " juta rupiah.");
        }
    }

    private boolean runningPartitionOf(Process worker) {
        try {
            return !warta.rows("SELECT partition_no FROM warta_partition WHERE status = 'running' AND worker LIKE ?",
                    "%/" + worker.pid()).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    private int partitionsStartedAfter(Object databaseTime) {
        try {
            return warta.rows("SELECT partition_no FROM warta_partition WHERE started_at > ?", databaseTime).size();
        } catch (Exception notYet) {
            return 0;
        }
    }

    private int partitionsIn(String status) {
        return partitionNumbers(status).size();
    }

    private Set<Integer> partitionNumbers(String status) {
        try {
            Set<Integer> numbers = new HashSet<>();
            for (Map<String, Object> row : warta.rows("SELECT partition_no FROM warta_partition WHERE status = ?",
                    status)) {
                numbers.add(((Number) row.get("PARTITION_NO")).intValue());
            }
            return numbers;
        } catch (Exception notYet) {
            return Set.of();
        }
    }

    private int articlesStored() {
        try {
            return warta.rows("SELECT id FROM warta_article").size();
        } catch (Exception notYet) {
            return 0;
        }
    }

    private Process start(String name, List<String> args) throws IOException {
        Process process = warta.startProcess(args, work.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    private String log(String name) {
        try {
            return Files.readString(work.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private String allLogs() {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("manager", "manager-again", "worker", "worker-1", "worker-2", "worker-1-again")) {
            if (Files.exists(work.resolve(name + ".log"))) {
                all.append("== ").append(name).append('\n').append(log(name).lines()
                        .filter(line -> !line.startsWith("\tat ")).reduce("", (a, b) -> a + b + "\n"));
            }
        }
        return all.toString();
    }

    private void waitFor(BooleanSupplier condition, Process watched) throws Exception {
        long deadline = System.currentTimeMillis() + 400_000;   // a loaded CI machine starts three JVMs slowly
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline || !watched.isAlive()) {
                throw new AssertionError("condition not reached (manager alive: " + watched.isAlive() + "); logs:\n"
                        + allLogs());
            }
            Thread.sleep(50);
        }
    }
}
