package dev.warta.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.WartaHarness;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app over HTTP against an H2 database that a real job run (through the OpenAI stub) filled: the pages an
 * analyst reads, the JSON API against the article schema, the Atom feed against RFC 4287's rules, and who may
 * do what (CSRF, roles). The editor's approval and what a later run does with it: {@link ReviewFlowTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomAppTest {

    static final String DAY = "2026-11-26";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private OpenAiStub stub;
    private WartaHarness warta;
    private NewsroomApp app;

    @BeforeAll
    void fillTheDatabaseAndStart() throws Exception {
        stub = OpenAiStub.start();
        stub.respondWith(NewsroomApp.wrongNumber("12", "21"));
        warta = new WartaHarness(work, stub.baseUrl());
        warta.addFixture("/job/input/01-gempa-malang.txt", "01-gempa-malang.txt");
        warta.addFixture("/job/input/02-harga-beras.html", "02-harga-beras.html");
        warta.addFixture("/web/hostile.html", "05-hostile.html");
        assertThat(warta.run(DAY).exitCode()).isEqualTo(0);
        app = NewsroomApp.start(warta);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        stub.close();
    }

    private String idOf(String sourceFileName) throws Exception {
        return (String) warta.rows("SELECT id FROM warta_article WHERE source_path LIKE ?", "%" + sourceFileName)
                .get(0).get("ID");
    }

    @Test
    void theDayPageGroupsTheDaysArticlesWithCountsAndLinksToEach() throws Exception {
        Document day = app.session().page("/");

        assertThat(day.select("main h1").text()).contains("26 November 2026");
        assertThat(day.select(".counts li").eachText()).contains("2 translated", "1 need review");
        assertThat(day.select("article.article h3 a").eachText()).hasSize(3)
                .anyMatch(headline -> headline.startsWith("[en]"));
        assertThat(day.select("article.article h3 a").eachAttr("href"))
                .contains("/articles/" + idOf("01-gempa-malang.txt"));
        assertThat(day.select(".days a").eachText()).containsExactly(DAY);
        assertThat(day.select("header nav, main, footer")).hasSize(3);
    }

    @Test
    void anArticlePageShowsBothLanguagesParagraphByParagraphWithTheReasonNextToItsParagraph() throws Exception {
        Document page = app.session().page("/articles/" + idOf("01-gempa-malang.txt"));

        List<Element> rows = page.select("table.parallel tbody tr");
        assertThat(rows).hasSize(4);
        Element flagged = page.selectFirst("tr.flagged");
        assertThat(flagged).isNotNull();
        assertThat(flagged.select("td[lang=id]").text()).contains("12 rumah");
        assertThat(flagged.select(".reasons li").text()).contains("number 12 missing or changed");
        // numbers marked in both columns: the source's 12 and the model's 21
        assertThat(flagged.select("td[lang=id] mark.number").eachText()).contains("12");
        assertThat(flagged.select("td[lang=en] mark.number").eachText()).contains("21");
        assertThat(page.select("dl.metadata").text()).contains("openai", "quality full");
    }

    @Test
    void searchFindsIndonesianWordsShowsTheMatchingPassageAndFilters() throws Exception {
        Document results = app.session().page("/search?q=beras");

        assertThat(results.select("li.hit h3 a").eachAttr("href"))
                .containsExactly("/articles/" + idOf("02-harga-beras.html"));
        assertThat(results.select("li.hit .passage mark.match").eachText()).allMatch(w -> w.equalsIgnoreCase("beras"));
        assertThat(app.session().page("/search?q=beras&status=needs_review").select("li.hit")).isEmpty();
        assertThat(app.session().page("/search?status=needs_review").select("li.hit h3 a").eachAttr("href"))
                .containsExactly("/articles/" + idOf("01-gempa-malang.txt"));
        assertThat(app.session().page("/search?q=beras&until=2020-01-01").select("li.hit")).isEmpty();
        assertThat(app.session().page("/search?entity=rutte&engine=openai").select("li.hit")).hasSize(3);
    }

    @Test
    void theApiAnswersWithTheArticleSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/article.schema.json")));
        String id = idOf("01-gempa-malang.txt");

        JsonNode one = JSON.readTree(app.session().get("/api/articles/" + id).body());
        JsonNode list = JSON.readTree(app.session().get("/api/articles?status=needs_review").body());

        Set<ValidationMessage> problems = schema.validate(one);
        assertThat(problems).isEmpty();
        assertThat(one.path("id").asText()).isEqualTo(id);
        assertThat(one.path("status").asText()).isEqualTo("needs_review");
        assertThat(list.path("articles")).hasSize(1);
        for (JsonNode article : list.path("articles")) {
            assertThat(schema.validate(article)).isEmpty();
        }
        assertThat(app.session().get("/api/articles/no-such-id").statusCode()).isEqualTo(404);
        assertThat(app.session().get("/api/articles?status=bogus").statusCode()).isEqualTo(400);
    }

    @Test
    void theAtomFeedFollowsRfc4287() throws Exception {
        HttpResponse<String> all = app.session().get("/feed.atom");
        HttpResponse<String> tagged = app.session().get("/feed.atom?tag=security");
        HttpResponse<String> none = app.session().get("/feed.atom?source=No+Such+Outlet");

        assertThat(all.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        AtomChecks.assertValidFeed(all.body());
        AtomChecks.assertValidFeed(tagged.body());
        AtomChecks.assertValidFeed(none.body());
        org.w3c.dom.Document feed = AtomChecks.parse(all.body());
        assertThat(feed.getElementsByTagNameNS(AtomFeed.ATOM, "entry").getLength()).isEqualTo(3);
        assertThat(AtomChecks.parse(tagged.body()).getElementsByTagNameNS(AtomFeed.ATOM, "entry").getLength())
                .isEqualTo(3);
        assertThat(AtomChecks.parse(none.body()).getElementsByTagNameNS(AtomFeed.ATOM, "entry").getLength())
                .isZero();
        assertThat(all.body()).contains(app.base() + "/articles/" + idOf("02-harga-beras.html"))
                .doesNotContain("<script>");
    }

    @Test
    void reviewingNeedsAnEditorAndEveryPostACsrfToken() throws Exception {
        String id = idOf("01-gempa-malang.txt");
        NewsroomApp.Session anonymous = app.session();
        assertThat(anonymous.get("/review").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/review").headers().firstValue("Location").orElse("")).endsWith("/login");

        NewsroomApp.Session reader = app.session();
        assertThat(reader.login(NewsroomApp.READER, NewsroomApp.PASSWORD)).endsWith("/").doesNotContain("login");
        assertThat(reader.get("/review").statusCode()).isEqualTo(403);
        assertThat(reader.get("/review/" + id).statusCode()).isEqualTo(403);

        NewsroomApp.Session editor = app.session();
        assertThat(editor.login(NewsroomApp.EDITOR, "wrong password")).contains("/login?error");
        assertThat(editor.login(NewsroomApp.EDITOR, NewsroomApp.PASSWORD)).endsWith("/review");
        Document form = editor.page("/review/" + id);
        Map<String, Object> fields = ReviewFlowTest.formFields(form);
        fields.remove("_csrf");
        HttpResponse<String> withoutToken = editor.post("/review/" + id, fields);

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(warta.rows("SELECT status FROM warta_article WHERE id = ?", id).get(0).get("STATUS"))
                .isEqualTo("needs_review");
        Map<String, Object> readerFields = new LinkedHashMap<>(ReviewFlowTest.formFields(form));
        readerFields.put("_csrf", reader.page("/search").selectFirst("form[action=/logout] input[name=_csrf]").attr("value"));
        assertThat(reader.post("/review/" + id, readerFields).statusCode()).isEqualTo(403);
        assertThat(warta.rows("SELECT COUNT(*) AS n FROM warta_review_edit").get(0).get("N")).isEqualTo(0L);
    }

    @Test
    void withLoginRequiredReadingNeedsASignInAndFeedsTakeBasicAuthentication() throws Exception {
        try (NewsroomApp closed = NewsroomApp.start(warta, "--warta.web.require-login=true")) {
            NewsroomApp.Session browser = closed.session();
            assertThat(browser.get("/").statusCode()).isEqualTo(302);
            assertThat(browser.get("/search?q=beras").headers().firstValue("Location").orElse("")).endsWith("/login");
            assertThat(browser.get("/login").statusCode()).isEqualTo(200);
            browser.login(NewsroomApp.READER, NewsroomApp.PASSWORD);
            assertThat(browser.page("/search?q=beras").select("li.hit")).hasSize(1);
            assertThat(browser.get("/review").statusCode()).isEqualTo(403);

            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (NewsroomApp.READER + ":" + NewsroomApp.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> anonymousFeed = http.send(java.net.http.HttpRequest.newBuilder(
                    closed.url("/feed.atom")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> feed = http.send(java.net.http.HttpRequest.newBuilder(closed.url("/feed.atom"))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymousFeed.statusCode()).isEqualTo(401);
            assertThat(feed.statusCode()).isEqualTo(200);
            AtomChecks.assertValidFeed(feed.body());
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureBehindAnHttpsProxy() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> plain = http.send(java.net.http.HttpRequest.newBuilder(app.url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> proxied = http.send(java.net.http.HttpRequest.newBuilder(app.url("/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());

        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure");
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Secure", "HttpOnly", "SameSite=Strict");
        assertThat(plain.body()).doesNotContain("jsessionid");
    }

    @Test
    void aHostileArticleIsShownAsTextOnEveryPage() throws Exception {
        String id = idOf("05-hostile.html");
        for (String path : List.of("/", "/articles/" + id, "/search?q=banjir", "/api/articles/" + id)) {
            HttpResponse<String> response = app.session().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            if (!path.startsWith("/api")) {
                Document page = Jsoup.parse(response.body());
                assertThat(page.select("script")).as(path).isEmpty();
                assertThat(page.select("[onerror], [onload], [onclick]")).as(path).isEmpty();
                assertThat(page.select("a[href^=javascript]")).as(path).isEmpty();
                assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                        .contains("default-src 'none'");
            }
        }
        Document article = app.session().page("/articles/" + id);
        assertThat(article.select("table.parallel").text()).contains("<script>window.pwned='body'</script>");
    }

    @Test
    void everyPageHasLandmarksALanguageOneH1AndALabelForEveryField() throws Exception {
        String id = idOf("01-gempa-malang.txt");
        NewsroomApp.Session editor = app.session();
        editor.login(NewsroomApp.EDITOR, NewsroomApp.PASSWORD);
        for (String path : List.of("/", "/articles/" + id, "/search?q=gempa", "/runs", "/runs/1", "/login", "/review",
                "/review/" + id)) {
            Document page = editor.page(path);
            assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo("en");
            assertThat(page.select("header, nav, main#main, footer").size()).as(path).isGreaterThanOrEqualTo(4);
            assertThat(page.select("a.skip-link[href=#main]")).as(path).hasSize(1);
            assertThat(page.select("h1")).as(path).hasSize(1);
            for (Element field : page.select("input:not([type=hidden]), textarea, select")) {
                boolean labelled = !field.attr("aria-label").isBlank()
                        || (!field.id().isBlank() && page.selectFirst("label[for=" + field.id() + "]") != null);
                assertThat(labelled).as(path + ": a label for " + field.cssSelector()).isTrue();
            }
        }
    }

    @Test
    void theRunsPageListsTheRunWithItsFigures() throws Exception {
        Document runs = app.session().page("/runs");

        assertThat(runs.select("table.runs tbody tr")).hasSize(1);
        assertThat(runs.select("table.runs tbody tr td").eachText()).contains(DAY, "completed", "3", "1");
        assertThat(runs.select("figure.chart svg polyline.cost").attr("points")).isNotBlank();
        String runJson = app.session().get(runs.selectFirst("a[href$=run.json]").attr("href")).body();
        assertThat(JSON.readTree(runJson).path("articles")).hasSize(3);
        Document run = app.session().page(runs.selectFirst("table.runs tbody th a").attr("href"));
        assertThat(run.select("table.run-items tbody tr")).hasSize(3);
        assertThat(run.select("table.run-items tbody td:eq(0)").eachText())
                .containsExactlyInAnyOrder("needs_review", "translated", "translated");
        assertThat(run.select("table.run-items a").eachAttr("href")).contains("/articles/" + idOf("05-hostile.html"));
    }
}
