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
 * On PostgreSQL the run lock is the database's own advisory lock. A run whose lock session ends (the database
 * restarted, a failover, a network blip) takes the lock back if no other run has taken it since, and goes on; one
 * that finds the lock taken by another run must stop instead of writing on beside it.
 */
class RunLockOnPostgresTest {

    /** The run lock's advisory key ("WARTA" in ASCII), as another run takes it. */
    private static final long RUN_LOCK_KEY = 0x5741525441L;

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
    void aRunThatLosesItsLockToAnotherRunStopsAndTheNextRunFinishesTheWork() throws Exception {
        Path log = work.resolve("run.log");
        AtomicInteger answered = startARunThatHasTwoAnswers(log);

        // when: the session that holds the run's lock is killed by the database, and another session (another run
        // starting just then) takes the lock that this frees
        try (Connection admin = warta.connect(); Connection otherRun = warta.connect()) {
            killTheLockSession(admin);
            // the killed session's end, which frees the lock, comes a moment after pg_terminate_backend returns
            boolean taken = false;
            for (long until = System.currentTimeMillis() + 5_000; !taken && System.currentTimeMillis() < until; ) {
                try (ResultSet lock = otherRun.createStatement().executeQuery(
                        "SELECT pg_try_advisory_lock(" + RUN_LOCK_KEY + ")")) {
                    taken = lock.next() && lock.getBoolean(1);
                }
                Thread.sleep(taken ? 0 : 10);
            }
            assertThat(taken).as("the other run takes the freed lock").isTrue();

            // then: the run notices within its check interval and stops cleanly, before the end of its input
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        }
        assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(WartaRunner.STOPPED);
        assertThat(Files.readString(log)).contains("lost the run lock")
                .contains("another run has taken the lock since");
        assertThat(answered.get()).isLessThan(40);

        // and the next run takes the free lock and finishes the rest
        stub.respondWith(new SimulatedTranslator());
        assertThat(warta.run("2025-11-18").exitCode()).isZero();
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(40);
    }

    @Test
    void aRunWhoseLockSessionEndsTakesTheFreeLockBackAndFinishes() throws Exception {
        Path log = work.resolve("run.log");
        startARunThatHasTwoAnswers(log);

        // when: the session that holds the run's lock ends, as in a database restart or a network blip, and no
        // other run takes the lock meanwhile
        try (Connection admin = warta.connect()) {
            killTheLockSession(admin);
        }

        // then: the run takes the lock back and delivers every article, holding the lock to its end
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("no other run had taken the lock, so it is taken again")
                .doesNotContain("lost the run lock");
        assertThat(warta.rows("SELECT id FROM warta_article WHERE status = 'translated'")).hasSize(40);
    }

    /** A run, one article at a time and each answer half a second late, once it has had two answers. */
    private AtomicInteger startARunThatHasTwoAnswers(Path log) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        stub.respondWith(request -> {
            answered.incrementAndGet();
            return new SimulatedTranslator().apply(request).delayed(500);
        });
        run = warta.startProcess(warta.arguments("2025-11-18", "--warta.chunk-size=1", "--warta.llm.concurrency=1"),
                log);
        long deadline = System.currentTimeMillis() + 60_000;
        while (answered.get() < 2 && run.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return answered;
    }

    private static void killTheLockSession(Connection admin) throws java.sql.SQLException {
        try (ResultSet killed = admin.createStatement().executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks "
                + "WHERE locktype = 'advisory' AND granted")) {
            assertThat(killed.next()).as("the run holds an advisory lock").isTrue();
        }
    }
}
