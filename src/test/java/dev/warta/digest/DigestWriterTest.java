package dev.warta.digest;

import dev.warta.article.ArticleMetadata;
import dev.warta.article.ArticleStatus;
import dev.warta.article.NamedEntity;
import dev.warta.store.StoredArticle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.warta.digest.DigestFixtures.article;
import static dev.warta.digest.DigestFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestWriterTest {

    private static final LocalDate DAY = LocalDate.parse(DigestFixtures.RUN_DATE);

    private final DigestWriter writer = new DigestWriter();

    private final List<StoredArticle> day = List.of(
            article("budget").englishTitle("Parliament passes the 2027 budget").originalTitle("DPR sahkan APBN 2027")
                    .tags("Politics").entities(new NamedEntity("DPR", "House of Representatives", "ORGANIZATION"),
                            new NamedEntity("Jakarta", "Jakarta", "PLACE")).build(),
            article("flood").englishTitle("Floods close two roads").tags("Disaster").offlineGist().qualityScore(0.41)
                    .entities(new NamedEntity("Jakarta", "Jakarta", "PLACE")).build(),
            article("rates").englishTitle("Central bank holds rates").tags("Economy").sourceLanguage("en")
                    .originalTitle("Central bank holds rates").build(),
            article("quote").englishTitle("Minister quoted on rice imports").tags("Economy")
                    .status(ArticleStatus.NEEDS_REVIEW)
                    .reviewReasons("number 1,200 in the source is missing", "negation may be lost").qualityScore(0.55)
                    .build(),
            rejected("broken", ArticleStatus.FAILED, "Judul artikel rusak", "model output cut off at the token limit"),
            rejected("index", ArticleStatus.NOT_ARTICLE, null, "index page: 48 links and 30 words"));

    @Test
    void headerShowsTheRunCountsAndTheTopEntities() {
        Document page = Jsoup.parse(writer.html(DAY, day));

        assertThat(page.select(".counts li")).extracting(Element::text)
                .containsExactly("3 translated", "1 needs review", "1 failed", "1 not articles");
        assertThat(page.select(".top-entities li").first().text()).isEqualTo("Jakarta place 2 articles");
        assertThat(page.title()).isEqualTo("Warta daily digest 2026-11-26");
        assertThat(page.selectFirst(".run-date").text()).isEqualTo("Thursday 26 November 2026");
    }

    @Test
    void articlesAppearUnderTheirTopicWithEverythingAnAnalystReads() {
        Document page = Jsoup.parse(writer.html(DAY, day));

        assertThat(page.select("section.topic > h2")).extracting(Element::text)
                .containsExactly("Economy", "Disaster", "Politics");
        Element budget = articleTitled(page, "Parliament passes the 2027 budget");
        assertThat(budget.selectFirst(".meta").text())
                .isEqualTo("Warta Test Wire · Dateline Jakarta · Published 2026-11-26 09:30 +07:00");
        assertThat(budget.selectFirst(".meta time").attr("datetime")).isEqualTo("2026-11-26T09:30+07:00");
        assertThat(budget.selectFirst(".summary").text()).isEqualTo("A short summary written for this test.");
        assertThat(budget.select(".key-points li")).extracting(Element::text)
                .containsExactly("First point of the test article.");
        assertThat(budget.select(".entities li")).extracting(Element::text)
                .containsExactly("House of Representatives organization", "Jakarta place");
        Element original = budget.selectFirst("a.original-link");
        assertThat(original.attr("href")).isEqualTo("https://news.example/budget");
        assertThat(original.attr("rel")).isEqualTo("noopener noreferrer");
    }

    @Test
    void fullEnglishTextIsInThePageUnderAnAnchorNamedAfterTheArticle() {
        Document page = Jsoup.parse(writer.html(DAY, day));
        Element budget = articleTitled(page, "Parliament passes the 2027 budget");

        assertThat(budget.id()).isEqualTo("article-budget");
        Element fullText = page.getElementById("article-budget-full");
        assertThat(fullText).isNotNull();
        assertThat(fullText.closest("details")).isNotNull();
        assertThat(fullText.closest("article")).isEqualTo(budget);
        assertThat(fullText.select("p")).extracting(Element::text)
                .containsExactly("First English paragraph.", "Second English paragraph.");
        assertThat(budget.selectFirst("details > summary").text()).isEqualTo("Full English text (2 paragraphs)");
    }

    @Test
    void flagsShowReviewReasonsOfflineGistEnglishSourceAndScore() {
        Document page = Jsoup.parse(writer.html(DAY, day));

        Element quote = articleTitled(page, "Minister quoted on rice imports");
        assertThat(quote.hasClass("needs-review")).isTrue();
        assertThat(quote.select(".flag")).extracting(Element::text)
                .containsExactly("Needs review", "Quality score 0.55 (low)");
        assertThat(quote.select(".review-reasons li")).extracting(Element::text)
                .containsExactly("number 1,200 in the source is missing", "negation may be lost");

        Element flood = articleTitled(page, "Floods close two roads");
        assertThat(flood.select(".flag")).extracting(Element::text)
                .containsExactly("Offline gist", "Quality score 0.41 (low)");

        Element rates = articleTitled(page, "Central bank holds rates");
        assertThat(rates.select(".flag")).extracting(Element::text)
                .containsExactly("English source: summarised, not translated", "Quality score 0.92");
        assertThat(rates.select(".review-reasons")).isEmpty();
    }

    @Test
    void languagesAreMarkedEnglishPageIndonesianOriginals() {
        Document page = Jsoup.parse(writer.html(DAY, day));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        Element budget = articleTitled(page, "Parliament passes the 2027 budget");
        Element originalTitle = budget.selectFirst(".original-title [lang]");
        assertThat(originalTitle.attr("lang")).isEqualTo("id");
        assertThat(originalTitle.text()).isEqualTo("DPR sahkan APBN 2027");
        // An English source has no separate original title to mark.
        assertThat(articleTitled(page, "Central bank holds rates").select(".original-title")).isEmpty();
        assertThat(page.select(".not-delivered [lang=id]")).extracting(Element::text)
                .containsExactly("Judul artikel rusak");
    }

    @Test
    void failedAndNotArticleInputsAreListedWithTheirReasons() {
        Document page = Jsoup.parse(writer.html(DAY, day));

        assertThat(page.select(".not-delivered tbody tr")).extracting(Element::text).containsExactly(
                "failed Judul artikel rusak input/broken.html model output cut off at the token limit",
                "not article input/index.html index page: 48 links and 30 words");
    }

    @Test
    void headingsDescendOneLevelAtATimeAndThePageHasLandmarks() {
        Document page = Jsoup.parse(writer.html(DAY, day));

        List<Integer> levels = page.select("h1, h2, h3, h4, h5, h6").stream()
                .map(h -> Integer.parseInt(h.tagName().substring(1))).toList();
        assertThat(levels.get(0)).isEqualTo(1);
        assertThat(levels.stream().filter(level -> level == 1)).hasSize(1);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).as("heading %d after %d", levels.get(i), levels.get(i - 1))
                    .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
        assertThat(page.select("header")).hasSize(1);
        assertThat(page.select("main")).hasSize(1);
        assertThat(page.select("nav")).hasSize(1);
        assertThat(page.select("footer")).hasSize(1);
    }

    @Test
    void pageIsSelfContainedAndForbidsScripts() {
        String html = writer.html(DAY, day);
        Document page = Jsoup.parse(html);

        assertThat(page.select("link, script, img, iframe, object, embed")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.selectFirst("style").data()).contains("@media print").contains("@media (max-width");
        String policy = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(policy).contains("default-src 'none'").doesNotContain("script-src");
        assertThat(page.selectFirst("meta[name=viewport]")).isNotNull();
    }

    @Test
    void hostileArticleTextIsEscapedEverywhere() {
        StoredArticle hostile = DigestFixtures.hostile();
        Document page = Jsoup.parse(writer.html(DAY, List.of(hostile, day.get(0))));

        assertThat(page.select("script, img, svg, iframe, b, i")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
        assertThat(allAttributes(page)).noneMatch(a -> a.getKey().toLowerCase().startsWith("on"));
        assertThat(allAttributes(page)).noneMatch(a -> a.getValue().toLowerCase().contains("javascript:"));
        assertThat(page.select("a[href]")).extracting(a -> a.attr("href"))
                .allMatch(href -> href.startsWith("#") || href.startsWith("https://"));

        Element article = articleTitled(page, DigestFixtures.HOSTILE_TITLE);
        assertThat(article.selectFirst(".summary").text()).isEqualTo("Fees went up. " + DigestFixtures.HOSTILE_IMG);
        assertThat(article.selectFirst(".unlinked-url").text()).endsWith(DigestFixtures.HOSTILE_URL);
        assertThat(article.select("a.original-link")).isEmpty();
        assertThat(article.selectFirst(".review-reasons li").text()).contains("<iframe");
        assertThat(article.select(".full-text p").last().text())
                .isEqualTo("</details></article><script>window.pwned=6</script>");
        assertThat(page.select("section.topic > h2").first().text()).startsWith("<style>");
    }

    @Test
    void spellingNotesAreShownWithTheArticleWithoutFlaggingIt() {
        List<StoredArticle> noted = List.of(DigestFixtures.article("libya").englishTitle("Libyan leader dies in Sirte")
                .notes("name Gaddadi spelt Gaddafi").build());

        Element article = articleTitled(Jsoup.parse(writer.html(DAY, noted)), "Libyan leader dies in Sirte");
        assertThat(article.hasClass("needs-review")).isFalse();
        assertThat(article.select(".flag")).extracting(Element::text).containsExactly("Quality score 0.92");
        assertThat(article.select(".check-notes li")).extracting(Element::text)
                .containsExactly("name Gaddadi spelt Gaddafi");
        assertThat(writer.markdown(DAY, noted)).contains("Flags: Quality score 0.92\n")
                .contains("Notes (not flagged):\n\n- name Gaddadi spelt Gaddafi\n")
                .doesNotContain("Review reasons");
    }

    @Test
    void aTitleWartaMadeForAPageWithoutOneIsFlaggedAsNotTheOutlets() {
        List<StoredArticle> untitled = List.of(
                DigestFixtures.article("letters").englishTitle("Letters from the front")
                        .titleDerivedFrom(ArticleMetadata.TITLE_FROM_HEADING).build(),
                DigestFixtures.article("titled").englishTitle("Rice prices rise").build());

        Document page = Jsoup.parse(writer.html(DAY, untitled));
        assertThat(articleTitled(page, "Letters from the front").select(".flag.derived-title").text())
                .isEqualTo("Title not the outlet's: the page has none, taken from its first heading");
        assertThat(articleTitled(page, "Rice prices rise").select(".flag.derived-title")).isEmpty();
        assertThat(writer.markdown(DAY, untitled))
                .contains("Title not the outlet's: the page has none, taken from its first heading");
    }

    @Test
    void markdownTwinHasTheSameContent() {
        String markdown = writer.markdown(DAY, day);

        assertThat(markdown).startsWith("# Warta daily digest 2026-11-26\n")
                .contains("Translated: 3 · Needs review: 1 · Failed: 1 · Not articles: 1\n")
                .contains("Top entities of the day: Jakarta (place) ×2, House of Representatives (organization) ×1");
        assertThat(headingsOf(markdown, "## ")).containsExactly("Economy", "Disaster", "Politics", "Not delivered");
        assertThat(markdown)
                .contains("### Minister quoted on rice imports\n")
                .contains("Flags: **Needs review** · Quality score 0.55 (low)\n")
                .contains("- number 1,200 in the source is missing\n- negation may be lost\n")
                .contains("Flags: **Offline gist** · Quality score 0.41 (low)\n")
                .contains("Flags: English source: summarised, not translated · Quality score 0.92\n")
                .contains("Original title (id): *DPR sahkan APBN 2027*\n")
                .contains("Warta Test Wire · Dateline Jakarta · Published 2026-11-26 09:30 +07:00\n")
                .contains("[Original article](<https://news.example/budget>)\n")
                .contains("#### Full English text: Parliament passes the 2027 budget\n\nFirst English paragraph.\n")
                .contains("- **failed** *Judul artikel rusak* (input/broken.html): model output cut off at the token limit\n")
                .contains("- **not article** (input/index.html): index page: 48 links and 30 words\n");
    }

    @Test
    void markdownTwinEscapesHostileText() {
        String markdown = writer.markdown(DAY, List.of(DigestFixtures.hostile()));

        assertThat(markdown).contains("### \\<script\\>window.pwned=1;document.title='PWNED'\\</script\\>Harbour fees rise\n");
        // No unescaped '[' means no link or image can open; this article has no http(s) URL of its own.
        assertThat(Pattern.compile("(?<!\\\\)\\[").matcher(markdown).find()).isFalse();
        assertThat(markdown).contains("- \\[click me\\](javascript:alert(1))\n");
        assertThat(markdown).contains("Original URL (not a web link): `javascript:document.title='PWNED-LINK'`");
        // Every '<' outside that code span is backslash-escaped: no raw HTML reaches a Markdown viewer.
        Matcher rawTag = Pattern.compile("(?<!\\\\)<").matcher(markdown.replaceAll("`[^`\n]*`", ""));
        assertThat(rawTag.find()).as("unescaped '<' in %s", markdown).isFalse();
    }

    @Test
    void emptyDayStillProducesAPage() {
        Document page = Jsoup.parse(writer.html(DAY, List.of()));

        assertThat(page.select(".counts li")).extracting(Element::text)
                .containsExactly("0 translated", "0 needs review", "0 failed", "0 not articles");
        assertThat(page.selectFirst("main .empty").text()).isEqualTo("No article was delivered for 2026-11-26.");
        assertThat(writer.markdown(DAY, List.of())).contains("No article was delivered for 2026-11-26.");
    }

    @Test
    void writeCreatesTheFolderAndBothFilesWithNoTemporaryFilesLeft(@TempDir Path temp) throws IOException {
        Path dayFolder = temp.resolve("output").resolve("2026-11-26");

        DigestFiles files = writer.write(DAY, day, dayFolder);

        assertThat(files.html()).isEqualTo(dayFolder.resolve("digest.html"));
        assertThat(files.markdown()).isEqualTo(dayFolder.resolve("digest.md"));
        assertThat(Files.readString(files.html())).isEqualTo(writer.html(DAY, day));
        assertThat(Files.readString(files.markdown())).isEqualTo(writer.markdown(DAY, day));
        try (Stream<Path> listing = Files.list(dayFolder)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("digest.html", "digest.md");
        }
    }

    @Test
    void writeReplacesAnEarlierDigest(@TempDir Path dayFolder) throws IOException {
        writer.write(DAY, day, dayFolder);

        writer.write(DAY, List.of(day.get(0)), dayFolder);

        assertThat(Files.readString(dayFolder.resolve("digest.html")))
                .contains("Parliament passes the 2027 budget").doesNotContain("Floods close two roads");
        try (Stream<Path> listing = Files.list(dayFolder)) {
            assertThat(listing).hasSize(2);
        }
    }

    @Test
    void writeFailureNamesTheFileAndLeavesNoTemporaryFile(@TempDir Path dayFolder) throws IOException {
        Files.createDirectory(dayFolder.resolve("digest.html")); // a folder where the page should go

        assertThatThrownBy(() -> writer.write(DAY, day, dayFolder))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("digest.html");
        try (Stream<Path> listing = Files.list(dayFolder)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("digest.html");
        }
    }

    private static Element articleTitled(Document page, String headline) {
        return page.select("article").stream()
                .filter(a -> a.selectFirst("h3").text().equals(headline))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no article titled " + headline));
    }

    private static List<Attribute> allAttributes(Document page) {
        List<Attribute> attributes = new ArrayList<>();
        page.getAllElements().forEach(e -> e.attributes().forEach(attributes::add));
        return attributes;
    }

    private static List<String> headingsOf(String markdown, String prefix) {
        return markdown.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }
}
