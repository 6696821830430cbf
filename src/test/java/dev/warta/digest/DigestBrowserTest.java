package dev.warta.digest;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The digest in a real browser: Debian's headless Chromium loads a generated {@code digest.html} from disk, with a
 * hostile article in it, and must run none of its script while showing its headline as text. Screenshots and a
 * printed PDF land in {@code target/} for a person to look at.
 *
 * <p>Skipped, with a message saying why, on a machine without {@code /usr/bin/chromium} ({@code .ci/install-chromium}
 * installs it). The live-JavaScript checks also need {@code /usr/bin/chromedriver}.
 */
class DigestBrowserTest {

    private static final LocalDate DAY = LocalDate.parse(DigestFixtures.RUN_DATE);
    private static final Path OUTPUT = Path.of("target", "digest-browser");
    private static final String PAGE_TITLE = "Warta daily digest 2026-11-26";
    private static final String NO_CHROMEDRIVER = "skipped: /usr/bin/chromedriver is not installed (Debian package "
            + "'chromium-driver'; `bash .ci/install-chromium` installs it)";

    private static Path digest;
    private static Path digestWithoutPolicy;
    private static Path unescapedControl;

    @BeforeAll
    static void writePages() throws IOException {
        if (!HeadlessChromium.installed()) {
            // Each test reports itself skipped with this reason (requireChromium); say it once in the build log too.
            System.err.println("DigestBrowserTest " + HeadlessChromium.MISSING);
            return;
        }
        HeadlessChromium.deleteRecursively(OUTPUT);
        List<dev.warta.store.StoredArticle> articles = DigestFixtures.showcaseDay();
        digest = new DigestWriter().write(DAY, articles, OUTPUT.resolve("2026-11-26")).html().toAbsolutePath();

        // The same page without its Content-Security-Policy: shows that escaping alone keeps scripts out.
        String html = Files.readString(digest);
        String withoutPolicy = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n", "");
        assertThat(withoutPolicy).isNotEqualTo(html);
        digestWithoutPolicy = Files.writeString(OUTPUT.resolve("digest-without-csp.html"), withoutPolicy)
                .toAbsolutePath();

        // A control page with the hostile payloads pasted in raw: proves the probes below would notice a script.
        unescapedControl = Files.writeString(OUTPUT.resolve("unescaped-control.html"),
                "<!DOCTYPE html><html lang=\"en\"><head><title>" + PAGE_TITLE + "</title></head><body><h1>"
                        + DigestFixtures.HOSTILE_TITLE + "</h1><p>" + DigestFixtures.HOSTILE_IMG + "</p></body></html>")
                .toAbsolutePath();
    }

    /** Per test rather than in {@code @BeforeAll}, so Surefire counts and names every skipped test. */
    @BeforeEach
    void requireChromium() {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
    }

    @Test
    void theProbeSeesAScriptRunInAnUnescapedPage() {
        Document dom = Jsoup.parse(HeadlessChromium.dumpDom(unescapedControl));

        assertThat(dom.title()).startsWith("PWNED");
    }

    @Test
    void hostileArticleRunsNoScriptAndItsHeadlineIsText() {
        Document dom = Jsoup.parse(HeadlessChromium.dumpDom(digest));

        assertThat(dom.title()).isEqualTo(PAGE_TITLE);
        assertThat(dom.select("script, img, svg, iframe")).isEmpty();
        assertThat(dom.select("article h3")).extracting(org.jsoup.nodes.Element::text)
                .contains(DigestFixtures.HOSTILE_TITLE);
        assertThat(dom.select("[data-pwned]")).isEmpty();
    }

    @Test
    void escapingAloneKeepsScriptsOutWhenThePolicyIsRemoved() {
        Document dom = Jsoup.parse(HeadlessChromium.dumpDom(digestWithoutPolicy));

        assertThat(dom.title()).isEqualTo(PAGE_TITLE);
        assertThat(dom.select("script, img, svg, iframe")).isEmpty();
        assertThat(dom.select("article h3")).extracting(org.jsoup.nodes.Element::text)
                .contains(DigestFixtures.HOSTILE_TITLE);
    }

    @Test
    void laptopScreenshotIsSavedUnderTarget() throws IOException {
        Path png = HeadlessChromium.screenshot(digest, Path.of("target", "digest-screenshot.png"), 1280, 2200);
        HeadlessChromium.screenshot(digest, Path.of("target", "digest-screenshot-full.png"), 1280, 5200);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("PNG at %s", png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2200);
    }

    @Test
    void liveJavaScriptStateShowsNoScriptRanNoDialogAndAVisibleHeadline() throws Exception {
        assumeTrue(ChromeDriverSession.installed(), NO_CHROMEDRIVER);
        try (ChromeDriverSession browser = ChromeDriverSession.start(1280, 1000)) {
            browser.open(unescapedControl.toUri());
            assertThat(browser.execute("return typeof window.pwned;").asText())
                    .as("control page: the probe must see the injected script").isEqualTo("number");

            for (Path page : List.of(digest, digestWithoutPolicy)) {
                browser.open(page.toUri());

                JsonNode state = browser.execute("return {pwned: typeof window.pwned, title: document.title,"
                        + " scripts: document.scripts.length};");
                assertThat(state.path("pwned").asText()).as("window.pwned on %s", page).isEqualTo("undefined");
                assertThat(state.path("title").asText()).isEqualTo(PAGE_TITLE);
                assertThat(state.path("scripts").asInt()).isZero();
                assertThat(browser.openDialogText()).as("dialog on %s", page).isNull();

                JsonNode headline = browser.execute("""
                        const h = [...document.querySelectorAll('article h3')]
                            .find(e => e.textContent.includes('Harbour fees rise'));
                        if (!h) return null;
                        const box = h.getBoundingClientRect(), style = getComputedStyle(h);
                        return {text: h.textContent, width: box.width, height: box.height,
                                visibility: style.visibility, display: style.display, opacity: style.opacity};
                        """);
                assertThat(headline.path("text").asText()).isEqualTo(DigestFixtures.HOSTILE_TITLE);
                assertThat(headline.path("width").asDouble()).isPositive();
                assertThat(headline.path("height").asDouble()).isPositive();
                assertThat(headline.path("visibility").asText()).isEqualTo("visible");
                assertThat(headline.path("opacity").asText()).isEqualTo("1");
            }
        }
    }

    @Test
    void aLinkToAnArticlesFullTextOpensIt() throws Exception {
        assumeTrue(ChromeDriverSession.installed(), NO_CHROMEDRIVER);
        String target = "article-budget-2027-full";
        String isOpen = "return document.getElementById('" + target + "').closest('details').open;";
        try (ChromeDriverSession browser = ChromeDriverSession.start(1280, 1000)) {
            browser.open(digest.toUri());
            assertThat(browser.execute(isOpen).asBoolean()).as("closed when the page opens").isFalse();

            browser.open(java.net.URI.create(digest.toUri() + "#" + target));

            assertThat(browser.execute(isOpen).asBoolean()).as("opened by a link to #" + target).isTrue();
            assertThat(browser.execute("return document.getElementById('" + target + "').innerText;").asText())
                    .contains("Lawmakers approved the 2027 state budget shortly before midnight on Wednesday.");
        }
    }

    @Test
    void fitsAPhoneScreenWithoutSidewaysScrollingAndPrints() throws Exception {
        assumeTrue(ChromeDriverSession.installed(), NO_CHROMEDRIVER);
        try (ChromeDriverSession browser = ChromeDriverSession.start(1280, 1000)) {
            browser.emulatePhone(390, 844);
            browser.open(digest.toUri());

            JsonNode size = browser.execute(
                    "return {inner: window.innerWidth, scroll: document.documentElement.scrollWidth};");
            assertThat(size.path("inner").asInt()).isEqualTo(390);
            assertThat(size.path("scroll").asInt()).as("page width at a %d px viewport", size.path("inner").asInt())
                    .isLessThanOrEqualTo(size.path("inner").asInt());
            Files.write(Path.of("target", "digest-screenshot-phone.png"), browser.screenshot());

            byte[] pdf = browser.printToPdf();
            Files.write(Path.of("target", "digest-print.pdf"), pdf);
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }
}
