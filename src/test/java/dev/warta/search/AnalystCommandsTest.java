package dev.warta.search;

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

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What an analyst does the morning after a run: read the digest, search past articles, open one. */
class AnalystCommandsTest {

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;

    @BeforeEach
    void translateTwoArticles() throws Exception {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl(), database(work));
        warta.addArticle("gempa.txt", "Gempa Guncang Malang",
                "Gempa berkekuatan magnitudo 5,1 mengguncang Kabupaten Malang pada Selasa pagi.",
                "Warga berhamburan keluar rumah. BPBD mencatat 12 rumah rusak ringan.");
        warta.addArticle("beras.txt", "Harga Beras Naik",
                "Harga beras medium di Surabaya naik 3,5 persen dalam sepekan terakhir.",
                "Pemerintah kota menyiapkan operasi pasar. Pasokan dari petani berkurang.");
        assertThat(warta.run("2025-11-18").exitCode()).isZero();
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
    void theRunWritesTheDaysDigestBesideTheArticles() throws Exception {
        Path digest = warta.output().resolve("2025-11-18/digest.html");
        assertThat(digest).exists();
        assertThat(Files.readString(digest)).contains(SimulatedTranslator.english("Gempa Guncang Malang"))
                .contains(SimulatedTranslator.english("Harga Beras Naik"));
        assertThat(warta.output().resolve("2025-11-18/digest.md")).exists();
    }

    @Test
    void searchFindsArticlesByWordsInTheIndonesianOrEnglishText() {
        Run found = warta.command("search", "gempa", "malang");

        assertThat(found.exitCode()).isZero();
        assertThat(found.stdout().lines().toList()).hasSize(1);
        assertThat(found.stdout()).contains(SimulatedTranslator.english("Gempa Guncang Malang")).contains("2025-11-18").contains("translated");

        assertThat(warta.command("search", "tsunami").stdout()).isBlank();
        assertThat(warta.command("search", "", "--status=translated").stdout().lines()).hasSize(2);
        assertThat(warta.command("search", "", "--since=2025-11-19").stdout()).isBlank();
        assertThat(warta.command("search", "", "--tag=security").stdout().lines()).hasSize(2);
    }

    @Test
    void searchResultsAreAvailableAsJsonForScripts() throws Exception {
        Run found = warta.command("search", "beras", "--json");

        JsonNode line = new ObjectMapper().readTree(found.stdout().lines().findFirst().orElseThrow());
        assertThat(line.path("title").asText()).isEqualTo(SimulatedTranslator.english("Harga Beras Naik"));
        assertThat(line.path("status").asText()).isEqualTo("translated");
        assertThat(line.path("id").asText()).isNotBlank();
    }

    @Test
    void showPrintsOneArticleInFull() throws Exception {
        String id = new ObjectMapper().readTree(warta.command("search", "beras", "--json").stdout().strip())
                .path("id").asText();

        Run shown = warta.command("show", id);

        assertThat(shown.exitCode()).isZero();
        assertThat(shown.stdout()).contains(SimulatedTranslator.english("Harga Beras Naik")).contains("Summary").contains("Key points")
                .contains(SimulatedTranslator.english("Pemerintah kota menyiapkan operasi pasar. Pasokan dari petani berkurang."));
        assertThat(warta.command("show", "no-such-id").exitCode()).isEqualTo(2);
    }

    @Test
    void theDigestOfAnyDayCanBeRegeneratedFromTheDatabase() throws Exception {
        Files.delete(warta.output().resolve("2025-11-18/digest.html"));

        Run regenerated = warta.command("digest", "--date=2025-11-18");

        assertThat(regenerated.exitCode()).isZero();
        assertThat(Files.readString(warta.output().resolve("2025-11-18/digest.html"))).contains("Harga Beras Naik");
        assertThat(warta.command("digest", "--date=2020-01-01").exitCode()).isEqualTo(2);
    }
}
