package dev.warta.digest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlEscaperTest {

    @Test
    void escapesTheFiveCharactersThatCanOpenATagOrCloseAnAttribute() {
        assertThat(HtmlEscaper.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void leavesOrdinaryTextIncludingIndonesianAndNonLatinAlone() {
        String text = "Presiden meresmikan jembatan di Surabaya – 2 km, biaya Rp 1,5 triliun; 日本";
        assertThat(HtmlEscaper.escape(text)).isEqualTo(text);
    }

    @Test
    void nullBecomesEmptyText() {
        assertThat(HtmlEscaper.escape(null)).isEmpty();
    }

    @Test
    void replacesControlCharactersButKeepsLineBreaksAndTabs() {
        assertThat(HtmlEscaper.escape("a\u0000b\u0007c\td\ne\u0085")).isEqualTo("a\uFFFDb\uFFFDc\td\ne\uFFFD");
    }

    @Test
    void escapedTextParsesBackToTheSameTextInContentAndInAttributes() {
        String hostile = "\"><script>alert(1)</script><img src=x onerror='alert(2)'> & more";
        Document page = Jsoup.parse("<p title=\"" + HtmlEscaper.escape(hostile) + "\">" + HtmlEscaper.escape(hostile)
                + "</p>");

        assertThat(page.select("script, img")).isEmpty();
        assertThat(page.selectFirst("p").text()).isEqualTo(hostile);
        assertThat(page.selectFirst("p").attr("title")).isEqualTo(hostile);
    }
}
