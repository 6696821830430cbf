package dev.warta.search;

import dev.warta.testing.OpenAiStub;
import dev.warta.testing.SimulatedTranslator;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysts search while the night's run is writing. On PostgreSQL they see what the run has committed so far; on
 * the embedded H2 file, which one process at a time may open, they get one clear line instead of a stack trace.
 */
class SearchDuringRunTest {

    private static final String DAY = "2025-11-18";

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;
    private Process run;
    private final CountDownLatch searched = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl(), database(work));
        for (int i = 1; i <= 12; i++) {
            warta.addArticle("banjir-" + String.format("%02d", i) + ".txt", "Banjir melanda desa " + i,
                    "Banjir melanda desa nomor " + i + " sejak pagi. Warga mengungsi ke balai desa. "
                            + "Bantuan datang sore hari.");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        searched.countDown();
        if (run != null) {
            run.destroyForcibly().waitFor();
        }
        stub.close();
    }

    TestDatabase database(Path work) {
        return TestDatabase.h2(work);
    }

    @Test
    void searchWhileARunIsWriting() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        // the fifth answer waits until the search is done, so the run is still writing while it searches, however
        // slowly this machine starts the search's JVM
        stub.respondWith(request -> {
            if (answered.incrementAndGet() > 4) {
                try {
                    searched.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new SimulatedTranslator().apply(request).delayed(200);
        });
        run = warta.startProcess(warta.arguments(DAY, "--warta.chunk-size=1", "--warta.llm.concurrency=1"),
                work.resolve("run.log"));
        long deadline = System.currentTimeMillis() + 60_000;
        while (answered.get() < 4 && run.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(run.isAlive()).as("the run is still writing: %s", Files.readString(work.resolve("run.log"))).isTrue();

        Path log = work.resolve("search.log");
        Process search = warta.startProcess(warta.commandArguments("search", "banjir"), log);
        assertThat(search.waitFor(60, TimeUnit.SECONDS)).isTrue();
        searched.countDown();
        String printed = Files.readString(log);

        if (warta.database().isPostgres()) {
            assertThat(search.exitValue()).as(printed).isZero();
            assertThat(printed.lines().filter(line -> line.contains("translated")).count())
                    .as(printed).isBetween(1L, 11L);
        } else {
            assertThat(search.exitValue()).as(printed).isEqualTo(4);
            assertThat(printed.strip()).startsWith("warta: the database is in use by another Warta process")
                    .doesNotContain("Exception");
        }
        assertThat(run.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isZero();
    }
}
