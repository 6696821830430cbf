package dev.warta.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.OpenAiStub;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole application as a user would ({@code java -jar warta.jar --input=… --output=…}) against the local
 * OpenAI stub, with a real H2 file database and real files, then checks what the user gets.
 */
class TranslationJobFunctionalTest {

    private static final String RUN_DATE = "2025-11-18";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;

    @BeforeEach
    void setUp() throws IOException {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl(), database(work));
        warta.addFixture("/job/input/01-gempa-malang.txt", "01-gempa-malang.txt");
        warta.addFixture("/job/input/02-harga-beras.html", "02-harga-beras.html");
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
    void translatesEveryArticleIntoOneRowAndOneJsonFileEach() throws Exception {
        // when
        Run run = warta.run(RUN_DATE);

        // then: exit code 0, one model call per short article, one row and one file each
        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(stub.requests()).hasSize(2);
        List<Map<String, Object>> rows = warta.rows("SELECT * FROM warta_article ORDER BY source_path");
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            assertThat(row.get("STATUS")).isEqualTo("translated");
            assertThat((String) row.get("ENGLISH_TITLE")).startsWith("[en] ");
            assertThat((String) row.get("SUMMARY")).isNotBlank();
            assertThat(row.get("MODEL")).isEqualTo("gpt-4o-mini");
            assertThat(((Number) row.get("PROMPT_TOKENS")).longValue()).isPositive();
            assertThat(((String) row.get("CONTENT_HASH"))).hasSize(64);

            JsonNode file = json.readTree(dayFolder().resolve(row.get("ID") + ".json").toFile());
            assertThat(file.path("status").asText()).isEqualTo("translated");
            JsonNode source = file.path("article").path("paragraphs");
            JsonNode english = file.path("translation").path("paragraphs");
            assertThat(english.size()).isEqualTo(source.size()).isPositive();
            for (int i = 0; i < source.size(); i++) {
                assertThat(english.get(i).asText()).isEqualTo(SimulatedTranslator.english(source.get(i).asText()));
            }
        }
        assertThat(rows).extracting(row -> (String) row.get("ORIGINAL_TITLE"))
                .containsExactly("Gempa Magnitudo 5,1 Guncang Malang, Warga Berhamburan Keluar Rumah",
                        "Harga Beras Naik 3,5 Persen Menjelang Akhir Tahun");

        // and: the run summary lists both, and the table on stdout says so
        JsonNode summary = json.readTree(dayFolder().resolve("run.json").toFile());
        assertThat(summary.path("counts").path("translated").asInt()).isEqualTo(2);
        assertThat(summary.path("articles").size()).isEqualTo(2);
        assertThat(run.stdout()).contains("articles read      2").contains("failed             0");
        // and: no temporary file is left behind
        try (Stream<Path> files = Files.list(dayFolder())) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aBadFileIsRecordedAsFailedAndTheRestOfTheRunGoesOn() throws Exception {
        warta.addFixture("/job/input/03-kosong.txt", "03-kosong.txt");

        Run run = warta.run(RUN_DATE);

        assertThat(run.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        List<Map<String, Object>> failed = warta.rows("SELECT * FROM warta_article WHERE status = 'failed'");
        assertThat(failed).hasSize(1);
        assertThat((String) failed.get(0).get("SOURCE_PATH")).endsWith("03-kosong.txt");
        assertThat((String) failed.get(0).get("REASON")).containsIgnoringCase("empty");
        assertThat(warta.rows("SELECT * FROM warta_article WHERE status = 'translated'")).hasSize(2);
        JsonNode summary = json.readTree(dayFolder().resolve("run.json").toFile());
        assertThat(summary.path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(run.stdout()).contains("failed             1");
        // the input file is never modified
        assertThat(warta.input().resolve("03-kosong.txt")).isEmptyFile();
    }

    @Test
    void anEndpointThatIsDownFailsTheArticlesWithTheReasonAndExitsNonZero() throws Exception {
        stub.respondWith(request -> OpenAiStub.StubResponse.error(503, "down for maintenance"));

        Run run = warta.run(RUN_DATE);

        assertThat(run.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        List<Map<String, Object>> rows = warta.rows("SELECT * FROM warta_article");
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("STATUS")).isIn("failed", "pending");
            assertThat((String) row.get("REASON")).containsAnyOf("503", "unavailable");
        });
    }

    @Test
    void withNoEndpointConfiguredTheRunStopsAtOnceWithOneClearLine() {
        Run run = warta.run(RUN_DATE, "--warta.llm.base-url=", "--warta.llm.api-key=");

        assertThat(run.exitCode()).isEqualTo(WartaRunner.CANNOT_START);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aGlossaryFileThatIsNotThereStopsTheStartInsteadOfTranslatingWithoutOne() {
        Run run = warta.run(RUN_DATE, "--warta.glossary=" + work.resolve("no-such-glossary.tsv"));

        assertThat(run.exitCode()).isEqualTo(WartaRunner.CANNOT_START);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void withNoGlossaryNamedTheStarterGlossaryInsideWartaIsUsedWhereverItIsStarted() throws Exception {
        // the starter glossary is read from Warta's class path, never from a jobs/ folder of the working directory
        Files.delete(warta.input().resolve("02-harga-beras.html"));
        Files.delete(warta.input().resolve("01-gempa-malang.txt"));
        warta.addArticle("dpr.txt", "DPR Sahkan Anggaran",
                "Rapat paripurna DPR mengesahkan anggaran pendidikan pada Selasa. Semua fraksi setuju.",
                "Ketua DPR menyebut anggaran itu naik tujuh persen. Pemerintah menyambut baik keputusan itu.");

        warta.run(RUN_DATE, "--warta.glossary=");

        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.requests().get(0).message("user")).contains("House of Representatives");
    }

    private Path dayFolder() {
        return warta.output().resolve(RUN_DATE);
    }
}
