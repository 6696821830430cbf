package dev.warta.web;

import dev.warta.job.SpellingNoteRunTest;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.SimulatedTranslator;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the article page tells a desk beside review reasons: a note (a difference the checks cannot tell from a
 * corrected typing error) under its own heading, without flagging the article; and a headline that Warta made
 * because the page had no title of its own.
 */
class NotesOnTheArticlePageTest {

    @TempDir
    Path work;

    @Test
    void theArticlePageShowsTheNoteApartFromReviewReasons() throws Exception {
        try (OpenAiStub stub = OpenAiStub.start()) {
            WartaHarness warta = new WartaHarness(work, stub.baseUrl(), TestDatabase.h2(work));
            SpellingNoteRunTest.respellingGaddadi(stub, warta);
            assertThat(warta.run("2025-11-18").exitCode()).isZero();
            String id = (String) warta.rows("SELECT id FROM warta_article").get(0).get("ID");

            try (NewsroomApp app = NewsroomApp.start(warta)) {
                Document page = app.session().page("/articles/" + id);

                assertThat(page.select(".notes-box h2").text()).isEqualTo("Notes (not flagged)");
                assertThat(page.select(".notes-box li").eachText()).containsExactly("name Gaddadi spelt Gaddafi");
                assertThat(page.select(".reasons-box, tr.flagged")).isEmpty();
            }
        }
    }

    @Test
    void aHeadlineWartaMadeForAnUntitledPageIsMarkedAsNotTheOutlets() throws Exception {
        try (OpenAiStub stub = OpenAiStub.start()) {
            stub.respondWith(new SimulatedTranslator());
            WartaHarness warta = new WartaHarness(work, stub.baseUrl(), TestDatabase.h2(work));
            warta.addFixture("/ingest/pages/indonesian-untitled-no-heading.html", "untitled.html");
            assertThat(warta.run("2025-11-18").exitCode()).isZero();
            String id = (String) warta.rows("SELECT id FROM warta_article").get(0).get("ID");

            try (NewsroomApp app = NewsroomApp.start(warta)) {
                Document page = app.session().page("/articles/" + id);

                assertThat(page.select("dd.derived-title").text()).isEqualTo(
                        "Title not the outlet's: the page has none, taken from its first sentence of the body");
            }
        }
    }
}
