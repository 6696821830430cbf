package dev.warta.job;

import dev.warta.testing.OpenAiStub;
import dev.warta.testing.SimulatedTranslator;
import dev.warta.testing.TcpProxy;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run in one process on PostgreSQL whose database connections all break at once mid-run (the database restarted,
 * a failover, a network blip), after which new connections work: the night's run must still end with every article
 * delivered, by itself, in the same run, and pay again for no more than the calls it had in flight. Before, the
 * chunk in flight failed the step and the run ended failed (exit 3) with the night undelivered until the next start.
 */
class DatabaseBlipOnPostgresTest {

    private static final int ARTICLES = 60;
    private static final int CONCURRENCY = 4;

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;
    private Process run;

    @BeforeEach
    void setUp() throws Exception {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl(), TestDatabase.postgres());
        for (int i = 1; i <= ARTICLES; i++) {
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
    void aRunWhoseDatabaseConnectionsBreakForAMomentGoesOnAndDeliversEveryArticleOnce() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        stub.respondWith(request -> {
            answered.incrementAndGet();
            return new SimulatedTranslator().apply(request).delayed(100);
        });
        Path log = work.resolve("run.log");
        try (TcpProxy proxy = TcpProxy.toServerOf(warta.jdbcUrl())) {
            run = warta.startProcess(warta.arguments("2025-11-18", "--warta.llm.concurrency=" + CONCURRENCY,
                    "--spring.datasource.url=" + proxy.route(warta.jdbcUrl())), log);
            long deadline = System.currentTimeMillis() + 60_000;
            while (answered.get() < 12 && run.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            // every connection breaks while the run writes and has calls in flight, the run lock's among them
            proxy.drop();
            assertThat(run.waitFor(180, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        }

        String said = Files.readString(log);
        assertThat(run.exitValue()).as(said).isZero();
        assertThat(said).contains("The database connections broke").contains("the run goes on from its last "
                + "committed chunk").doesNotContain("lost the run lock");
        assertThat(warta.rows("SELECT id FROM warta_run")).as("the same run").hasSize(1);
        List<Map<String, Object>> rows = warta.rows("SELECT id, status FROM warta_article");
        assertThat(rows).hasSize(ARTICLES)
                .allSatisfy(row -> assertThat(row.get("STATUS")).isEqualTo("translated"));
        try (Stream<Path> files = Files.list(warta.output().resolve("2025-11-18"))) {
            assertThat(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.equals("run.json")))
                    .containsExactlyInAnyOrderElementsOf(rows.stream().map(row -> row.get("ID") + ".json").toList());
        }
        assertThat(stub.repeatedRequests()).as("calls paid twice").isLessThanOrEqualTo(CONCURRENCY);
    }
}
