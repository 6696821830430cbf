package dev.warta.web;

import dev.warta.digest.ChromeDriverSession;
import dev.warta.digest.HeadlessChromium;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.WartaHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web app in a real headless Chromium (Debian's chromium and chromium-driver), against a database a test job
 * filled: an analyst searches and opens an article; an editor signs in, corrects the flagged paragraph and approves
 * it, the API shows the correction and a later run keeps it; a hostile article runs no script. Screenshots of the
 * day, article and review pages at desktop and phone widths go to {@code target/web-browser/}.
 * Skipped, with the reason, where the browser is not installed ({@code bash .ci/install-chromium}).
 */
class NewsroomBrowserTest {

    private static final Path SHOTS = Path.of("target", "web-browser");
    private static final String CORRECTED = "[en] By noon the disaster agency had recorded 12 lightly damaged houses.";

    @TempDir
    Path work;

    @BeforeEach
    void requireChromium() {
        assumeTrue(ChromeDriverSession.installed(), HeadlessChromium.MISSING + " (and /usr/bin/chromedriver)");
    }

    @Test
    void analystSearchesEditorApprovesAndAHostileArticleStaysText() throws Exception {
        Files.createDirectories(SHOTS);
        try (OpenAiStub stub = OpenAiStub.start()) {
            stub.respondWith(NewsroomApp.wrongNumber("12", "21"));
            WartaHarness warta = new WartaHarness(work, stub.baseUrl());
            warta.addFixture("/job/input/01-gempa-malang.txt", "01-gempa-malang.txt");
            warta.addFixture("/job/input/02-harga-beras.html", "02-harga-beras.html");
            warta.addFixture("/web/hostile.html", "05-hostile.html");
            assertThat(warta.run("2026-11-26").exitCode()).isEqualTo(0);
            String flaggedId = (String) warta.rows("SELECT id FROM warta_article WHERE status = 'needs_review'")
                    .get(0).get("ID");
            String hostileId = (String) warta.rows("SELECT id FROM warta_article WHERE source_path LIKE ?",
                    "%05-hostile.html").get(0).get("ID");

            try (NewsroomApp app = NewsroomApp.start(warta);
                 ChromeDriverSession browser = ChromeDriverSession.start(1280, 900)) {
                // the analyst: search, open the result
                browser.open(app.url("/search"));
                browser.type("#q", "beras");
                browser.click("form.search-form button[type=submit]");
                awaitUrl(browser, "q=beras");
                assertThat(browser.execute("return document.querySelectorAll('li.hit').length;").asInt())
                        .isEqualTo(1);
                browser.click("li.hit h3 a");
                assertThat(awaitUrl(browser, "/articles/")).contains("/articles/");
                assertThat(browser.execute("return document.querySelectorAll('table.parallel tbody tr').length;")
                        .asInt()).isEqualTo(3);

                // the hostile article: its text is on the page, none of its script ran
                for (String path : new String[]{"/", "/articles/" + hostileId, "/search?q=banjir"}) {
                    browser.open(app.url(path));
                    assertThat(browser.openDialogText()).as(path).isNull();
                    assertThat(browser.execute("return typeof window.pwned;").asText()).as(path)
                            .isEqualTo("undefined");
                }
                assertThat(browser.execute("return document.querySelectorAll('li.hit').length;").asInt()).isEqualTo(1);
                browser.open(app.url("/articles/" + hostileId));
                assertThat(browser.execute("return document.querySelector('table.parallel').innerText;").asText())
                        .contains("<script>window.pwned='body'</script>", "onerror=");

                shots(browser, app, "day", "/");
                shots(browser, app, "article", "/articles/" + flaggedId);

                // the editor: sign in, correct the flagged paragraph, approve
                browser.open(app.url("/login"));
                browser.type("#username", NewsroomApp.EDITOR);
                browser.type("#password", NewsroomApp.PASSWORD);
                browser.click("form.login-form button[type=submit]");
                assertThat(awaitUrl(browser, "/review")).endsWith("/review");
                browser.click("ol.queue li h2 a");
                shots(browser, app, "review", "/review/" + flaggedId);
                browser.emulatePhoneOff();
                browser.type("tr.flagged textarea", CORRECTED);
                browser.click("form.review-form button[type=submit]");
                assertThat(awaitUrl(browser, "/articles/" + flaggedId)).as(() -> problem(browser))
                        .endsWith("/articles/" + flaggedId);
                assertThat(browser.execute("return document.querySelector('.notice').innerText;").asText())
                        .contains("Approved");
                browser.open(app.url("/api/articles/" + flaggedId));
                assertThat(browser.execute("return document.body.innerText;").asText())
                        .contains(CORRECTED, "\"status\" : \"reviewed\"");
            }

            // a later run (H2: the app is down meanwhile) keeps the editor's version
            assertThat(warta.run("2026-11-27", "--force").exitCode()).isEqualTo(0);
            try (NewsroomApp app = NewsroomApp.start(warta);
                 ChromeDriverSession browser = ChromeDriverSession.start(1280, 900)) {
                browser.open(app.url("/articles/" + flaggedId));
                assertThat(browser.execute("return document.querySelector('table.parallel').innerText;").asText())
                        .contains(CORRECTED);
            }
        }
    }

    /** The page's address once it holds {@code part} (a form's answer may still be loading), else after 10 s. */
    private static String awaitUrl(ChromeDriverSession browser, String part) throws Exception {
        String url = browser.currentUrl();
        for (int i = 0; i < 100 && !url.contains(part); i++) {
            Thread.sleep(100);
            url = browser.currentUrl();
        }
        return url;
    }

    private static String problem(ChromeDriverSession browser) {
        try {
            return browser.execute("return document.body.innerText;").asText();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static void shots(ChromeDriverSession browser, NewsroomApp app, String name, String path)
            throws Exception {
        browser.open(app.url(path));
        Files.write(SHOTS.resolve(name + "-desktop.png"), browser.screenshot());
        browser.emulatePhone(390, 844);
        browser.open(app.url(path));
        Files.write(SHOTS.resolve(name + "-phone.png"), browser.screenshot());
        Files.write(SHOTS.resolve(name + ".pdf"), browser.printToPdf());
        browser.emulatePhoneOff();
    }
}
