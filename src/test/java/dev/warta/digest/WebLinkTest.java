package dev.warta.digest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebLinkTest {

    @Test
    void acceptsHttpAndHttpsUrlsWithAHost() {
        assertThat(WebLink.httpUrl("https://news.example/a/b?id=1#x")).contains("https://news.example/a/b?id=1#x");
        assertThat(WebLink.httpUrl("  HTTP://news.example/  ")).contains("HTTP://news.example/");
    }

    @Test
    void encodesNonAsciiSoTheLinkIsPlainAscii() {
        assertThat(WebLink.httpUrl("https://news.example/berita/jalan-raya-ñ")).contains(
                "https://news.example/berita/jalan-raya-%C3%B1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:msgbox", "//news.example/a",
            "/relative/path", "news.example/a", "https://", "http:///path", "https://news.example/a b", ""})
    void rejectsEverythingElse(String url) {
        assertThat(WebLink.httpUrl(url)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(WebLink.httpUrl(null)).isEmpty();
    }
}
