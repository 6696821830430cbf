package dev.warta.job;

import dev.warta.testing.OpenAiStub;
import dev.warta.testing.SimulatedTranslator;
import dev.warta.testing.WartaHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warta as an operator's process: stopped with SIGTERM in the middle of a run, and kept running on its own
 * schedule. Each test starts the application in a JVM of its own, as a scheduler would.
 */
class ProcessLifecycleTest {

    private static final String DAY = "2025-11-18";

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;
    private Process process;

    @BeforeEach
    void setUp() throws IOException {
        stub = OpenAiStub.start();
        stub.respondWith(request -> new SimulatedTranslator().apply(request).delayed(200));
        warta = new WartaHarness(work, stub.baseUrl());
        for (int i = 1; i <= 16; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Isi berita nomor " + i + ". Warga berkumpul di balai desa. Rapat selesai sore hari.");
        }
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
        stub.close();
    }

    @Test
    void sigtermLetsTheArticlesInFlightFinishAndTheNextRunContinues() throws Exception {
        process = start(warta.arguments(DAY, "--warta.chunk-size=2", "--warta.llm.concurrency=2"));
        waitFor(() -> stub.requests().size() >= 4);

        process.destroy(); // SIGTERM

        int exit = process.waitFor();
        assertThat(exit).as(log()).isEqualTo(143);
        assertThat(log()).contains("Stopped: stopped by a signal");
        List<Map<String, Object>> run = warta.rows("SELECT status FROM warta_run");
        assertThat(run).singleElement().satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("stopped"));
        int doneBeforeStop = warta.rows("SELECT id FROM warta_article WHERE status = 'translated'").size();
        assertThat(doneBeforeStop).isBetween(2, 15);
        // nothing half-written
        try (Stream<Path> files = Files.list(warta.output().resolve(DAY))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"))
                    .filteredOn(name -> !name.endsWith("run.json") && !name.contains("digest"))
                    .hasSize(doneBeforeStop);
        }

        // when the operator starts it again, it resumes the same run and finishes it
        int sentBefore = stub.requests().size();
        assertThat(warta.run(DAY).exitCode()).isZero();
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(16);
        assertThat(warta.rows("SELECT status FROM warta_run")).singleElement()
                .satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("completed"));
        // calls that were in flight at the signal finished and were kept: the rest is asked once, nothing twice
        assertThat(stub.requests().size() - sentBefore).isLessThanOrEqualTo(16 - doneBeforeStop);
        assertThat(stub.requests().stream().map(request -> request.document().path("title").asText()).distinct())
                .hasSize(16);
        assertThat(stub.requests()).hasSize(16);
    }

    @Test
    void withAScheduleWartaStaysUpAndRunsAtEachTime() throws Exception {
        List<String> args = new ArrayList<>(warta.arguments(DAY, "--warta.schedule=*/3 * * * * *"));

        process = start(args);
        waitFor(() -> finishedRuns() >= 2);

        assertThat(process.isAlive()).isTrue();
        // the first run translated everything; the later ones found it all in the cache
        assertThat(stub.requests()).hasSize(16);
        process.destroy();
        assertThat(process.waitFor()).isEqualTo(143);
        assertThat(warta.rows("SELECT id FROM warta_run WHERE status = 'completed'").size()).isGreaterThanOrEqualTo(2);
    }

    private int finishedRuns() {
        try {
            return (int) log().lines().filter(line -> line.contains("Run finished with exit code 0")).count();
        } catch (IOException notYet) {
            return 0;
        }
    }

    private Process start(List<String> args) throws IOException {
        return warta.startProcess(args, work.resolve("process.log"));
    }

    private String log() throws IOException {
        return Files.readString(work.resolve("process.log"));
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                throw new AssertionError("condition not reached; process log:\n" + log());
            }
            Thread.sleep(50);
        }
    }
}
