package dev.warta.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.warta.ingest.HtmlPagesTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

class InspectCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void saysWhenTheTitleIsNotTheOutletsButTakenFromThePage() throws Exception {
        int code = run(fixture("pages/german-letters-untitled.html").toString());

        assertThat(code).isZero();
        JsonNode article = lines().get(0);
        assertThat(article.get("title").asText()).isEqualTo("Briefe aus dem Oktober");
        assertThat(article.get("titleDerivedFrom").asText()).isEqualTo("first heading");
    }

    @Test
    void printsOneJsonObjectPerArticleWithTheFieldsScraperAuthorsCheck() throws Exception {
        int code = run(fixture("pages/kompas-br-paragraphs.html").toString());

        List<JsonNode> lines = lines();
        assertThat(code).isZero();
        assertThat(lines).hasSize(1);
        JsonNode article = lines.get(0);
        assertThat(article.get("title").asText()).isEqualTo("Banjir Rob Genangi Pesisir Utara Jakarta, Warga Mengungsi");
        assertThat(article.get("paragraphs").isArray()).isTrue();
        assertThat(article.get("paragraphs")).hasSize(6);
        assertThat(article.get("dateline").asText()).isEqualTo("Jakarta");
        assertThat(article.get("language").asText()).isEqualTo("id");
        assertThat(article.get("form").asText()).isEqualTo("article");
        assertThat(article.get("encoding").asText()).isEqualTo("UTF-8");
        assertThat(article.get("titleDerivedFrom").isNull()).isTrue(); // the outlet's own headline
        for (String field : List.of("path", "source", "url", "publishedAt", "author", "id")) {
            assertThat(article.has(field)).as(field).isTrue();
        }
    }

    @Test
    void readsFoldersAndReportsRejectionsWithoutFailing() throws Exception {
        int code = run(fixture("rejected").toString(), fixture("feeds").toString());

        List<JsonNode> lines = lines();
        assertThat(code).isZero();
        assertThat(lines).hasSize(6 + 3 + 5);
        assertThat(lines).filteredOn(line -> line.get("kind").asText().equals("INVALID"))
                .allSatisfy(line -> assertThat(line.get("error").asText()).isNotBlank());
        assertThat(lines).filteredOn(line -> line.get("kind").asText().equals("NOT_ARTICLE")).hasSize(5);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("truncated-page.html:12");
    }

    @Test
    void aFolderIsInspectedAsTheJobReadsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work)
            throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(work.resolve("input"));
        java.nio.file.Path secret = java.nio.file.Files.writeString(work.resolve("rahasia.txt"),
                "Rahasia negara\n\nIsi yang tidak boleh dibaca. Sama sekali tidak boleh. Jangan pernah.\n");
        java.nio.file.Files.createSymbolicLink(folder.resolve("tautan.txt"), secret);

        int code = run(folder.toString());

        assertThat(code).isZero();
        assertThat(lines()).singleElement().satisfies(line -> {
            assertThat(line.get("kind").asText()).isEqualTo("INVALID");
            assertThat(line.get("error").asText()).startsWith("symbolic link to a file outside the input folder");
            assertThat(line.toString()).doesNotContain("Rahasia negara");
        });
    }

    @Test
    void labelsABriefAndNamesTheEncodingItWasReadIn() throws Exception {
        int code = run(fixture("pages/republika-brief.html").toString(),
                fixture("pages/scrape-windows-1252.txt").toString());

        List<JsonNode> lines = lines();
        assertThat(code).isZero();
        assertThat(lines).extracting(line -> line.get("kind").asText()).containsExactly("ARTICLE", "ARTICLE");
        assertThat(lines.get(0).get("form").asText()).isEqualTo("brief");
        assertThat(lines.get(1).get("form").asText()).isEqualTo("article");
        assertThat(lines.get(1).get("encoding").asText()).isEqualTo("windows-1252");
    }

    @Test
    void missingPathIsReportedAndExitsWithOne() throws Exception {
        int code = run("does/not/exist.html");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or folder: does/not/exist.html");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--max-bytes", "lots", "a.html")).isEqualTo(2);
        assertThat(run("--verbose", "a.html")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: warta inspect");
    }

    private int run(String... args) {
        return InspectCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                nodes.add(json.readTree(line));
            }
        }
        return nodes;
    }
}
