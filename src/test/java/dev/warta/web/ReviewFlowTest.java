package dev.warta.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor corrects the flagged paragraph of a translation and approves it: the row, its JSON file and the API
 * show the correction, the edit is stored with who and what changed (and the model's version), and a later run of
 * the job over the same article (even with --force) keeps the editor's version and pays no model call for it.
 * On H2 the app is stopped for the later run (one process per H2 file); on PostgreSQL the run goes on while the app
 * serves.
 */
class ReviewFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORRECTED = "[en] Until noon, BPBD recorded 12 lightly damaged houses and no deaths.";

    @TempDir
    Path work;
    private final OpenAiStub stub = OpenAiStub.start();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void anApprovedCorrectionIsExportedServedAndSurvivesALaterRunOnH2() throws Exception {
        approveAndRunAgain(new WartaHarness(work, stub.baseUrl()), false);
    }

    @Test
    void anApprovedCorrectionSurvivesARunWhileTheAppServesOnPostgres() throws Exception {
        approveAndRunAgain(new WartaHarness(work, stub.baseUrl(), TestDatabase.postgres()), true);
    }

    private void approveAndRunAgain(WartaHarness warta, boolean appStaysUp) throws Exception {
        stub.respondWith(NewsroomApp.wrongNumber("12", "21"));
        warta.addFixture("/job/input/01-gempa-malang.txt", "01-gempa-malang.txt");
        assertThat(warta.run("2026-11-26").exitCode()).isEqualTo(0);
        String id = (String) warta.rows("SELECT id FROM warta_article").get(0).get("ID");
        Path file = warta.output().resolve("2026-11-26").resolve(id + ".json");

        NewsroomApp app = NewsroomApp.start(warta);
        try {
            NewsroomApp.Session editor = app.session();
            editor.login(NewsroomApp.EDITOR, NewsroomApp.PASSWORD);
            Document queue = editor.page("/review");
            assertThat(queue.select("ol.queue li h2 a").eachAttr("href")).containsExactly("/review/" + id);
            assertThat(queue.select("ol.queue li .reasons").text()).contains("number 12 missing or changed");

            Document form = editor.page("/review/" + id);
            Element flagged = form.selectFirst("tr.flagged");
            assertThat(flagged.select("textarea").text()).contains("21");
            Map<String, Object> fields = formFields(form);
            @SuppressWarnings("unchecked")
            List<String> paragraphs = (List<String>) fields.get("paragraph");
            int index = form.select("table.parallel tbody tr").indexOf(flagged);
            paragraphs.set(index, CORRECTED);
            HttpResponse<String> approved = editor.post("/review/" + id, fields);

            assertThat(approved.statusCode()).isEqualTo(302);
            assertThat(approved.headers().firstValue("Location").orElse("")).endsWith("/articles/" + id);
            assertThat(JSON.readTree(Files.readString(file)).path("translation").path("paragraphs").get(index).asText())
                    .isEqualTo(CORRECTED);
            JsonNode served = JSON.readTree(editor.get("/api/articles/" + id).body());
            assertThat(served.path("status").asText()).isEqualTo("reviewed");
            assertThat(served.path("review").path("editor").asText()).isEqualTo(NewsroomApp.EDITOR);
            assertThat(served.path("review").path("changedFields").toString()).contains("paragraph " + (index + 1));
            assertThat(served.path("translation").path("paragraphs").get(index).asText()).isEqualTo(CORRECTED);
            Map<String, Object> edit = warta.rows("SELECT editor, changes, before_translation FROM warta_review_edit "
                    + "WHERE article_id = ?", id).get(0);
            assertThat(edit.get("EDITOR")).isEqualTo(NewsroomApp.EDITOR);
            assertThat((String) edit.get("BEFORE_TRANSLATION")).contains("21 ");
            assertThat(editor.page("/articles/" + id).select("ul.history").text()).contains("editor approved it",
                    CORRECTED);
            assertThat(editor.page("/review").select("ol.queue li")).isEmpty();

            // the same form sent again is stale: the article changed since it was opened
            assertThat(editor.post("/review/" + id, fields).statusCode()).isEqualTo(409);

            if (!appStaysUp) {
                app.close();
            }
            int callsBefore = stub.requests().size();
            WartaHarness.Run later = warta.run("2026-11-27", "--force");
            assertThat(later.exitCode()).isEqualTo(0);
            assertThat(stub.requests()).hasSize(callsBefore);
            Map<String, Object> row = warta.rows("SELECT status, english_text FROM warta_article WHERE id = ?", id)
                    .get(0);
            assertThat(row.get("STATUS")).isEqualTo("reviewed");
            assertThat((String) row.get("ENGLISH_TEXT")).contains(CORRECTED);
            assertThat(JSON.readTree(Files.readString(file)).path("status").asText()).isEqualTo("reviewed");
            assertThat(later.stdout()).containsPattern("translated\\s+1");
            if (appStaysUp) {
                assertThat(JSON.readTree(editor.get("/api/articles/" + id).body()).path("translation")
                        .path("paragraphs").get(index).asText()).isEqualTo(CORRECTED);
            }
        } finally {
            app.close();
        }
    }

    @Test
    void sentBackWithANoteTheModelTranslatesAgainWithTheNoteAndALaterRunReusesTheNewVersion() throws Exception {
        WartaHarness warta = new WartaHarness(work, stub.baseUrl());
        stub.respondWith(NewsroomApp.wrongNumber("12", "21"));
        warta.addFixture("/job/input/01-gempa-malang.txt", "01-gempa-malang.txt");
        assertThat(warta.run("2026-11-26").exitCode()).isEqualTo(0);
        String id = (String) warta.rows("SELECT id FROM warta_article").get(0).get("ID");
        String note = "The source says 12 houses were damaged, not 21: keep the number.";

        stub.reset();   // the model now gets the number right
        int callsBefore = stub.requests().size();
        try (NewsroomApp app = NewsroomApp.start(warta, "--warta.engine=openai", "--warta.llm.base-url=" + stub.baseUrl(),
                "--warta.llm.api-key=test-key", "--warta.llm.max-retries=0",
                "--warta.glossary=" + work.resolve("glossary.tsv"))) {
            NewsroomApp.Session editor = app.session();
            editor.login(NewsroomApp.EDITOR, NewsroomApp.PASSWORD);
            Document form = editor.page("/review/" + id);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("note", note);
            fields.put("updatedAt", form.selectFirst("form.send-back-form input[name=updatedAt]").val());
            fields.put("_csrf", form.selectFirst("form.send-back-form input[name=_csrf]").val());
            HttpResponse<String> sent = editor.post("/review/" + id + "/send-back", fields);

            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
            assertThat(stub.requests().subList(callsBefore, stub.requests().size()))
                    .anyMatch(request -> request.message("user") != null && request.message("user").contains(note));
            JsonNode served = JSON.readTree(editor.get("/api/articles/" + id).body());
            assertThat(served.path("status").asText()).isEqualTo("translated");
            assertThat(served.path("translation").path("paragraphs").toString()).contains("12 ").doesNotContain("21 ");
            assertThat(editor.page("/review").select("ol.queue li")).isEmpty();
            assertThat(editor.page("/articles/" + id).select("ul.history").text()).contains("sent it back", note);
        }
        int callsAfterSendBack = stub.requests().size();
        assertThat(warta.run("2026-11-27").exitCode()).isEqualTo(0);
        assertThat(stub.requests()).hasSize(callsAfterSendBack);
        assertThat(warta.rows("SELECT status FROM warta_article WHERE id = ?", id).get(0).get("STATUS"))
                .isEqualTo("translated");
    }

    /** The fields a browser would send for the review form: repeated paragraph fields as a list. */
    static Map<String, Object> formFields(Document form) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> paragraphs = new ArrayList<>();
        for (Element field : form.select("form.review-form input[name], form.review-form textarea[name]")) {
            if (field.attr("name").equals("paragraph")) {
                paragraphs.add(field.wholeText());
            } else {
                fields.put(field.attr("name"), field.tagName().equals("textarea") ? field.wholeText() : field.val());
            }
        }
        fields.put("paragraph", paragraphs);
        return fields;
    }
}
