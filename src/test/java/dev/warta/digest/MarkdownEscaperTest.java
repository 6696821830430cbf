package dev.warta.digest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownEscaperTest {

    @Test
    void linksImagesAndHtmlBecomeLiteralText() {
        assertThat(MarkdownEscaper.escape("[win](javascript:alert(1)) ![x](http://t.example/p.png) <script>"))
                .isEqualTo("\\[win\\](javascript:alert(1)) !\\[x\\](http://t.example/p.png) \\<script\\>");
    }

    @Test
    void emphasisCodeAndTableCharactersAreEscaped() {
        assertThat(MarkdownEscaper.escape("*bold* _it_ `code` a|b ~~x~~"))
                .isEqualTo("\\*bold\\* \\_it\\_ \\`code\\` a\\|b \\~\\~x\\~\\~");
    }

    @Test
    void lineBreaksCannotStartANewBlock() {
        assertThat(MarkdownEscaper.escape("Title\n# Fake heading\n\n<div onclick=x>"))
                .isEqualTo("Title \\# Fake heading \\<div onclick=x\\>");
    }

    @Test
    void aLeadingNumberCannotStartAnOrderedList() {
        assertThat(MarkdownEscaper.escape("1998. A year of change")).isEqualTo("1998\\. A year of change");
        assertThat(MarkdownEscaper.escape("In 1998. Later")).isEqualTo("In 1998. Later");
    }

    @Test
    void aLeadingDashPlusOrEqualsCannotStartAListOrRule() {
        assertThat(MarkdownEscaper.escape("- not a list")).isEqualTo("\\- not a list");
        assertThat(MarkdownEscaper.escape("+++")).isEqualTo("\\+++");
        assertThat(MarkdownEscaper.escape("===")).isEqualTo("\\===");
        assertThat(MarkdownEscaper.escape("well-known 2026-11-26 +07:00")).isEqualTo("well-known 2026-11-26 +07:00");
    }

    @Test
    void entityReferencesStayLiteral() {
        assertThat(MarkdownEscaper.escape("&lt;script&gt;")).isEqualTo("\\&lt;script\\&gt;");
    }

    @Test
    void plainSentencesStayReadable() {
        assertThat(MarkdownEscaper.escape("The minister said on Tuesday: prices will fall, maybe.")).isEqualTo(
                "The minister said on Tuesday: prices will fall, maybe.");
        assertThat(MarkdownEscaper.escape(null)).isEmpty();
    }
}
