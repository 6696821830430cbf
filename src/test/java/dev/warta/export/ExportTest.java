package dev.warta.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import dev.warta.testing.WartaHarness.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database is the one truth and the files are its exports: whatever happens to the files, or to the process
 * between a commit and the export, the next run or an {@code export} puts back exactly what the rows say.
 */
class ExportTest {

    private static final String DAY = "2025-11-18";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;

    @BeforeEach
    void translateThreeArticles() throws Exception {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl(), database(work));
        for (int i = 1; i <= 3; i++) {
            warta.addArticle("berita-" + i + ".txt", "Berita nomor " + i,
                    "Paragraf pertama berita " + i + " tentang banjir di Bandung. Air naik sejak pagi.",
                    "Paragraf kedua berita " + i + " menyebut 600.000 warga terdampak. Bantuan mulai datang.");
        }
        assertThat(warta.run(DAY).exitCode()).isZero();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    /** The database this class runs against; a subclass runs the same tests on PostgreSQL. */
    TestDatabase database(Path work) {
        return TestDatabase.h2(work);
    }

    @Test
    void aRunThatDiedBeforeRecordingItsEndIsRecoveredByTheNextStart() throws Exception {
        // given: the job completed, then the process died while writing run.json (power loss): the run is still
        // marked running, run.json and one article file are missing, a temporary file was left half written
        Path day = warta.output().resolve(DAY);
        try (var connection = warta.connect()) {
            connection.createStatement().execute("UPDATE warta_run SET status = 'running', finished_at = NULL");
        }
        Files.delete(day.resolve("run.json"));
        String oneId = (String) warta.rows("SELECT id FROM warta_article ORDER BY id").get(0).get("ID");
        Files.delete(day.resolve(oneId + ".json"));
        Files.writeString(day.resolve("." + oneId + ".json.5d1e.tmp"), "{\"half");
        int requestsBefore = stub.requests().size();

        // when: the next start on the same day
        Run recovered = warta.run(DAY);

        // then: the day is not blocked; everything is exported again, nothing is paid again
        assertThat(recovered.exitCode()).as(recovered.stdout()).isZero();
        assertThat(stub.requests()).hasSize(requestsBefore);
        assertThat(day.resolve("run.json")).exists();
        assertThat(day.resolve(oneId + ".json")).exists();
        try (var files = Files.list(day)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(warta.rows("SELECT status FROM warta_run")).singleElement()
                .satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("completed"));
        JsonNode summary = json.readTree(day.resolve("run.json").toFile());
        assertThat(summary.path("articles")).hasSize(3);
    }

    @Test
    void runJsonListsEachArticleAsItsOwnFileHasIt() throws Exception {
        // one failed article with a reason, beside the translated ones
        Files.write(warta.input().resolve("broken.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        Run again = warta.run(DAY);
        assertThat(again.exitCode()).as(again.stdout() + again.stderr()).isEqualTo(1);
        Path day = warta.output().resolve(DAY);

        JsonNode entries = json.readTree(day.resolve("run.json").toFile()).path("articles");

        assertThat(entries).hasSize(4);
        for (JsonNode entry : entries) {
            JsonNode file = json.readTree(day.resolve(entry.path("file").asText().substring(DAY.length() + 1))
                    .toFile());
            assertThat(entry.path("id").asText()).isEqualTo(file.path("id").asText());
            assertThat(entry.path("status").asText()).isEqualTo(file.path("status").asText());
            assertThat(text(entry.path("reason"))).isEqualTo(text(file.path("reason")));
            assertThat(text(entry.path("sourcePath"))).isEqualTo(text(file.path("sourcePath")));
            assertThat(text(entry.path("title"))).isEqualTo(text(file.path("title")));
            assertThat(text(entry.path("translatedTitle"))).isEqualTo(text(file.path("translation").path("title")));
        }
        assertThat(entries.findValuesAsText("status")).contains("translated", "failed");
    }

    /** A field's text; null when it is absent or null (run.json and the article file write nulls differently). */
    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    @Test
    void theExportCommandRewritesADayFromTheDatabase() throws Exception {
        Path day = warta.output().resolve(DAY);
        List<Map<String, Object>> rows = warta.rows("SELECT id, document FROM warta_article ORDER BY id");
        Path damaged = day.resolve(rows.get(0).get("ID") + ".json");
        Files.writeString(damaged, "edited by hand");
        Files.delete(day.resolve(rows.get(1).get("ID") + ".json"));
        Files.delete(day.resolve("digest.html"));

        Run export = warta.command("export", "--date=" + DAY);

        assertThat(export.exitCode()).isZero();
        assertThat(export.stdout()).contains("3 article files");
        for (Map<String, Object> row : rows) {
            assertThat(json.readTree(day.resolve(row.get("ID") + ".json").toFile()))
                    .isEqualTo(json.readTree((String) row.get("DOCUMENT")));
        }
        assertThat(day.resolve("digest.html")).exists();
        assertThat(warta.command("export", "--date=1999-01-01").exitCode()).isEqualTo(2);
    }

    @Test
    void outputFilesAreReadableByOtherUsers() throws Exception {
        // written with the umask's permissions (0644/0755 with the usual 022), not owner-only temporary files
        Path day = warta.output().resolve(DAY);
        String id = (String) warta.rows("SELECT id FROM warta_article ORDER BY id").get(0).get("ID");
        for (Path file : List.of(day.resolve(id + ".json"), day.resolve("run.json"), day.resolve("digest.html"))) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                            PosixFilePermission.OTHERS_READ);
        }
        assertThat(Files.getPosixFilePermissions(day)).contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    void aDatabaseMadeBeforeFlywayIsUpgradedInPlace() throws Exception {
        // given: a database as release 0.1 left it: Warta's tables without the later columns, no Flyway history
        try (var connection = warta.connect(); var sql = connection.createStatement()) {
            sql.execute("DROP TABLE \"flyway_schema_history\"");
            for (String column : List.of("tags", "entities", "article_day")) {
                sql.execute("ALTER TABLE warta_article DROP COLUMN " + column);
            }
            if (warta.database().isPostgres()) {
                sql.execute("ALTER TABLE warta_article DROP COLUMN search_vector");
            }
            sql.execute("ALTER TABLE warta_article DROP COLUMN search_text");
            sql.execute("ALTER TABLE warta_lock DROP COLUMN token");
        }

        // when: the new release opens it, for a search
        Run search = warta.command("search", "banjir");

        // then: migrated in place, the old articles are found by their words
        assertThat(search.exitCode()).isZero();
        assertThat(search.stdout().lines()).hasSize(3);
        assertThat(warta.rows("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"))
                .extracting(row -> row.get("VERSION")).contains("1", "2");
    }
}
