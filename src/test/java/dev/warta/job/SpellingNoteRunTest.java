package dev.warta.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.SimulatedTranslator;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A translation that spells a name one letter differently from the source ("Gaddafi" for the source's "Gaddadi"):
 * the checks cannot tell the source's typing error corrected from a slip of the translator, so the article is
 * delivered as translated, with the difference shown as a note wherever a desk reads it.
 */
public class SpellingNoteRunTest {

    @TempDir
    Path work;

    private OpenAiStub stub;

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void aRespeltNameIsANoteInTheDatabaseTheJsonTheDigestAndShowButNoReview() throws Exception {
        stub = OpenAiStub.start();
        WartaHarness warta = new WartaHarness(work, stub.baseUrl(), TestDatabase.h2(work));
        respellingGaddadi(stub, warta);
        ObjectMapper json = new ObjectMapper();

        assertThat(warta.run("2025-11-18").exitCode()).isZero();

        List<Map<String, Object>> rows = warta.rows("SELECT id, status, reason, document FROM warta_article");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("STATUS")).isEqualTo("translated");
        assertThat(rows.get(0).get("REASON")).isNull();
        assertThat(json.readTree(String.valueOf(rows.get(0).get("DOCUMENT"))).path("translation").path("notes")
                .get(0).asText()).isEqualTo("name Gaddadi spelt Gaddafi");
        // one answer: a note does not pay for a re-ask
        assertThat(stub.requests()).hasSize(1);

        String id = String.valueOf(rows.get(0).get("ID"));
        assertThat(warta.command("show", id).stdout()).contains("note:      name Gaddadi spelt Gaddafi");
        Path day = warta.output().resolve("2025-11-18");
        assertThat(Files.readString(day.resolve("digest.md"))).contains("- name Gaddadi spelt Gaddafi")
                .doesNotContain("Needs review: 1");
        try (Stream<Path> files = Files.walk(day)) {
            Path article = files.filter(file -> file.toString().endsWith(".json"))
                    .filter(file -> read(file).contains("\"reviewReasons\"")).findFirst().orElseThrow();
            assertThat(json.readTree(Files.readString(article)).path("translation").path("notes").get(0).asText())
                    .isEqualTo("name Gaddadi spelt Gaddafi");
        }
    }

    @Test
    void anAcronymRenderedByMeaningIsANoteWhileADroppedPersonStillNeedsReview() throws Exception {
        stub = OpenAiStub.start();
        WartaHarness warta = new WartaHarness(work, stub.baseUrl(), TestDatabase.h2(work));
        // the model gives PHB (saluran penghubung) by its meaning and replaces the speaker Sutarmi by a pronoun
        answeringWith(stub, Map.of("PHB", "connecting channels", "Sutarmi", "he"));
        warta.addArticle("saluran.txt", "Saluran Dibersihkan",
                "Petugas membersihkan 20 PHB yang tersumbat sampah di Kemayoran pada Senin pagi.",
                "Warga berkumpul di jalan. Pemerintah kota menyiapkan pompa baru.");
        warta.addArticle("pompa.txt", "Pompa Baru Tiba",
                "Pompa baru itu tiba di Pluit pada Selasa pagi, kata Sutarmi kepada wartawan.",
                "Warga berkumpul di jalan. Pemerintah kota menyiapkan pompa lain.");
        ObjectMapper json = new ObjectMapper();

        assertThat(warta.run("2025-11-18").exitCode()).isZero();

        String note = "name PHB missing (an acronym, often rendered by meaning)";
        List<Map<String, Object>> acronym = warta.rows(
                "SELECT id, status, reason, document FROM warta_article WHERE original_text LIKE '%Petugas%'");
        assertThat(acronym).hasSize(1);
        assertThat(acronym.get(0).get("STATUS")).isEqualTo("translated");
        assertThat(acronym.get(0).get("REASON")).isNull();
        assertThat(json.readTree(String.valueOf(acronym.get(0).get("DOCUMENT"))).path("translation").path("notes")
                .get(0).asText()).isEqualTo(note);
        assertThat(warta.command("show", String.valueOf(acronym.get(0).get("ID"))).stdout())
                .contains("note:      " + note);
        assertThat(Files.readString(warta.output().resolve("2025-11-18").resolve("digest.md")))
                .contains("name PHB missing");
        // a note pays for no re-ask: one request holds the acronym's article, two the dropped person's
        assertThat(stub.requests().stream().filter(request -> request.body().toString().contains("Petugas")))
                .hasSize(1);
        assertThat(stub.requests().stream().filter(request -> request.body().toString().contains("Pompa baru")))
                .hasSize(2);
        List<Map<String, Object>> person = warta.rows(
                "SELECT status, reason FROM warta_article WHERE original_text LIKE '%Pompa baru%'");
        assertThat(person.get(0).get("STATUS")).isEqualTo("needs_review");
        assertThat(String.valueOf(person.get(0).get("REASON"))).contains("name Sutarmi missing");
    }

    /** Answers with the simulated translation, each key of {@code replaced} written as its value. */
    private static void answeringWith(OpenAiStub stub, Map<String, String> replaced) {
        SimulatedTranslator translator = new SimulatedTranslator();
        ObjectMapper json = new ObjectMapper();
        stub.respondWith(request -> {
            String body = translator.apply(request).body();
            try {
                ObjectNode completion = (ObjectNode) json.readTree(body);
                String content = completion.path("choices").get(0).path("message").path("content").asText();
                for (Map.Entry<String, String> entry : replaced.entrySet()) {
                    content = content.replace(entry.getKey(), entry.getValue());
                }
                return OpenAiStub.completion(content, "stop", 100, 100);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Answers with the simulated translation, but spelling the source's "Gaddadi" as "Gaddafi", and gives the job
     * one article that names him.
     */
    public static void respellingGaddadi(OpenAiStub stub, WartaHarness warta) throws java.io.IOException {
        SimulatedTranslator translator = new SimulatedTranslator();
        ObjectMapper json = new ObjectMapper();
        stub.respondWith(request -> {
            String body = translator.apply(request).body();
            try {
                ObjectNode completion = (ObjectNode) json.readTree(body);
                String content = completion.path("choices").get(0).path("message").path("content").asText();
                return OpenAiStub.completion(content.replace("Gaddadi", "Gaddafi"), "stop", 100, 100);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        warta.addArticle("libya.txt", "Pemimpin Libya Tewas",
                "Pemimpin Libya Muammar Gaddadi tewas di Sirte pada Kamis pagi.",
                "Warga berkumpul di jalan. Pemerintah baru menyiapkan pemilihan umum.");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
