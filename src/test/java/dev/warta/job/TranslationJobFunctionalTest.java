package dev.warta.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.WartaApplication;
import dev.warta.testing.OpenAiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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
    private Path input;
    private Path output;

    @BeforeEach
    void setUp() throws IOException {
        stub = OpenAiStub.start();
        input = work.resolve("input");
        output = work.resolve("output");
        Files.createDirectories(input);
        copyFixture("01-gempa-malang.txt");
        copyFixture("02-harga-beras.html");
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void translatesEveryArticleIntoOneRowAndOneJsonFileEach() throws Exception {
        // when
        Run run = runWarta();

        // then: exit code 0, one model call per short article, one row and one file each
        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(stub.requests()).hasSize(2);
        List<Map<String, Object>> rows = rows("SELECT * FROM warta_article ORDER BY source_path");
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            assertThat(row.get("STATUS")).isEqualTo("translated");
            assertThat((String) row.get("ENGLISH_TITLE")).startsWith("[en] ");
            assertThat((String) row.get("SUMMARY")).isNotBlank();
            assertThat(row.get("MODEL")).isEqualTo("gpt-4o-mini");
            assertThat(((Number) row.get("PROMPT_TOKENS")).longValue()).isPositive();
            assertThat(((String) row.get("CONTENT_HASH"))).hasSize(64);

            JsonNode file = json.readTree(output.resolve(RUN_DATE).resolve(row.get("ID") + ".json").toFile());
            assertThat(file.path("status").asText()).isEqualTo("translated");
            JsonNode source = file.path("article").path("paragraphs");
            JsonNode english = file.path("translation").path("paragraphs");
            assertThat(english.size()).isEqualTo(source.size()).isPositive();
            for (int i = 0; i < source.size(); i++) {
                assertThat(english.get(i).asText()).isEqualTo("[en] " + source.get(i).asText());
            }
        }
        assertThat(rows).extracting(row -> (String) row.get("ORIGINAL_TITLE"))
                .containsExactly("Gempa Magnitudo 5,1 Guncang Malang, Warga Berhamburan Keluar Rumah",
                        "Harga Beras Naik 3,5 Persen Menjelang Akhir Tahun");

        // and: the run summary lists both, and the table on stdout says so
        JsonNode summary = json.readTree(output.resolve(RUN_DATE).resolve("run.json").toFile());
        assertThat(summary.path("counts").path("translated").asInt()).isEqualTo(2);
        assertThat(summary.path("articles").size()).isEqualTo(2);
        assertThat(run.stdout()).contains("articles read      2").contains("failed             0");
        // and: no temporary file is left behind
        try (Stream<Path> files = Files.list(output.resolve(RUN_DATE))) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aBadFileIsRecordedAsFailedAndTheRestOfTheRunGoesOn() throws Exception {
        copyFixture("03-kosong.txt");

        Run run = runWarta();

        assertThat(run.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        List<Map<String, Object>> failed = rows("SELECT * FROM warta_article WHERE status = 'failed'");
        assertThat(failed).hasSize(1);
        assertThat((String) failed.get(0).get("SOURCE_PATH")).endsWith("03-kosong.txt");
        assertThat((String) failed.get(0).get("REASON")).containsIgnoringCase("empty");
        assertThat(rows("SELECT * FROM warta_article WHERE status = 'translated'")).hasSize(2);
        JsonNode summary = json.readTree(output.resolve(RUN_DATE).resolve("run.json").toFile());
        assertThat(summary.path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(run.stdout()).contains("failed             1");
        // the input file is never modified
        assertThat(input.resolve("03-kosong.txt")).isEmptyFile();
    }

    @Test
    void anEndpointThatIsDownFailsTheArticlesWithTheReasonAndExitsNonZero() throws Exception {
        stub.respondWith(request -> OpenAiStub.StubResponse.error(503, "down for maintenance"));

        Run run = runWarta();

        assertThat(run.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        List<Map<String, Object>> rows = rows("SELECT * FROM warta_article");
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("STATUS")).isEqualTo("failed");
            assertThat((String) row.get("REASON")).contains("503");
        });
    }

    private Run runWarta(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--input=" + input, "--output=" + output,
                "--warta.run-date=" + RUN_DATE,
                "--warta.engine=openai",
                "--warta.llm.base-url=" + stub.baseUrl(),
                "--warta.llm.api-key=test-key",
                "--warta.llm.max-retries=0",
                "--spring.datasource.url=" + jdbcUrl()));
        args.addAll(List.of(extraArgs));
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConfigurableApplicationContext context =
                    SpringApplication.run(WartaApplication.class, args.toArray(String[]::new));
            int exitCode = SpringApplication.exit(context);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            originalOut.print(captured.toString(StandardCharsets.UTF_8));
        }
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + work.resolve("data/warta").toAbsolutePath();
    }

    private List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    }
                    row.put(rs.getMetaData().getColumnName(i), value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void copyFixture(String name) throws IOException {
        try (var in = getClass().getResourceAsStream("/job/input/" + name)) {
            Files.copy(in, input.resolve(name));
        }
    }

    private record Run(int exitCode, String stdout) {
    }
}
