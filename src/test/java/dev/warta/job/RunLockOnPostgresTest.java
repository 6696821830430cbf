package dev.warta.job;

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
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the run lock is the database's own advisory lock. A run that loses it (its lock session is killed,
 * as when the network to the database drops) must stop instead of writing on while another run may start.
 */
class RunLockOnPostgresTest {

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;
    private Process run;

    @BeforeEach
    void setUp() throws Exception {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl(), TestDatabase.postgres());
        for (int i = 1; i <= 40; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Isi berita nomor " + i + ". Warga berkumpul di balai desa. Rapat selesai sore hari.");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (run != null) {
            run.destroyForcibly().waitFor();
        }
        stub.close();
    }

    @Test
    void aRunThatLosesItsLockStopsAndTheNextRunFinishesTheWork() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        stub.respondWith(request -> {
            answered.incrementAndGet();
            return new SimulatedTranslator().apply(request).delayed(500);
        });
        Path log = work.resolve("run.log");
        run = warta.startProcess(warta.arguments("2025-11-18", "--warta.chunk-size=1", "--warta.llm.concurrency=1"),
                log);
        long deadline = System.currentTimeMillis() + 60_000;
        while (answered.get() < 2 && run.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }

        // when: the session that holds the run's lock is killed by the database
        try (Connection admin = warta.connect();
             ResultSet killed = admin.createStatement().executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks "
                     + "WHERE locktype = 'advisory' AND granted")) {
            assertThat(killed.next()).as("the run holds an advisory lock").isTrue();
        }

        // then: the run notices within its check interval and stops cleanly, before the end of its input
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(WartaRunner.STOPPED);
        assertThat(Files.readString(log)).contains("lost the run lock");
        assertThat(answered.get()).isLessThan(40);

        // and the next run takes the free lock and finishes the rest
        stub.respondWith(new SimulatedTranslator());
        assertThat(warta.run("2025-11-18").exitCode()).isZero();
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(40);
    }
}
