package dev.warta.ingest;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Each fixture page reproduces a pattern of real Indonesian news pages; the extraction must match exactly. */
class HtmlPagesTest {

    private final ArticleReader reader = new ArticleReader();

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {"kompas-br-paragraphs.html", "detik-no-p.html", "antara-mixed-charset.html",
            "tempo-figure-entities.html", "liputan6-bold-dateline.html", "timesindonesia-residue.html",
            "english-edition.html", "scrape-crlf-residue.txt", "scrape-wrapped.txt", "cnnindonesia-scroll-ads.html",
            "tribun-tayang-footer.html", "german-related-boxes.html", "spanish-jsonld-html-body.html",
            "english-guide-sections.html", "polish-unclosed-header.html", "german-wordpress-tagged-post.html",
            "german-letters-untitled.html", "indonesian-untitled-no-heading.html", "french-title-in-body.html",
            "english-story-tail-appeals.html", "german-story-more-teasers.html", "spanish-editor-named-body.html",
            "italian-lead-in-header-row.html", "detik-sidebar-teaser.html", "okezone-teaser-cards.html",
            "kompas-photo-header.html", "detik-photo-tables.html"})
    void extractsExactlyTheExpectedTitleAndParagraphs(String page) throws Exception {
        Path input = fixture("pages/" + page);
        List<String> expected = Files.readAllLines(
                input.resolveSibling(page.replaceAll("\\.(html|txt)$", ".expected.txt")), StandardCharsets.UTF_8);

        Article article = onlyArticle(input);

        assertThat(article.title()).isEqualTo(expected.get(0));
        assertThat(article.paragraphs()).containsExactlyElementsOf(expected.subList(2, expected.size()));
    }

    @Test
    void pageWithoutTitleIsDeliveredUnderItsFirstHeadingMarkedAsDerived() throws Exception {
        Article article = onlyArticle(fixture("pages/german-letters-untitled.html"));

        // the banner's heading (the site's name) went with the <header>; the story's own heading is an <h3>
        assertThat(article.title()).isEqualTo("Briefe aus dem Oktober");
        assertThat(article.metadata().titleDerived()).isTrue();
        assertThat(article.metadata().titleDerivedFrom()).isEqualTo(ArticleMetadata.TITLE_FROM_HEADING);
    }

    @Test
    void pageWithoutTitleOrHeadingIsDeliveredUnderItsFirstSentenceCutAtAWord() throws Exception {
        Article article = onlyArticle(fixture("pages/indonesian-untitled-no-heading.html"));

        assertThat(article.title()).endsWith("…").hasSizeLessThanOrEqualTo(ArticleReader.DERIVED_TITLE_LENGTH);
        assertThat(article.paragraphs().get(0)).startsWith(article.title().replace("…", " "));
        assertThat(article.metadata().titleDerivedFrom()).isEqualTo(ArticleMetadata.TITLE_FROM_BODY);
    }

    @Test
    void titleLeftInTheBodyByBrokenMarkupIsThePagesOwnNotAnSvgIconsTitle() throws Exception {
        Article article = onlyArticle(fixture("pages/french-title-in-body.html"));

        assertThat(article.title()).isEqualTo("Le marché de Noël ouvre ses portes samedi sur la place Carnot");
        assertThat(article.metadata().titleDerived()).isFalse();
    }

    @Test
    void shortFirstSentenceIsTheWholeStandInTitle() {
        assertThat(ArticleReader.shortened("Wir sind umgezogen.")).isEqualTo("Wir sind umgezogen.");
        assertThat(ArticleReader.shortened("x".repeat(150))).hasSize(ArticleReader.DERIVED_TITLE_LENGTH)
                .endsWith("…");
    }

    @Test
    void pageWithNeitherTitleNorTextIsStillRejectedSayingSo() throws Exception {
        Path page = tempDir.resolve("empty.html");
        Files.writeString(page, "<html><body><div class=\"isi\"><img src=\"a.jpg\"></div></body></html>");

        List<Ingested> items = reader.read(page);

        assertThat(items).singleElement().isInstanceOf(Rejected.class);
        assertThat(((Rejected) items.get(0)).reason()).contains("no title found").contains("no body text");
    }

    @Test
    void kompasPageKeepsDatelineCityAndStructuredMetadata() throws Exception {
        Article article = onlyArticle(fixture("pages/kompas-br-paragraphs.html"));

        assertThat(article.metadata().dateline()).isEqualTo("Jakarta");
        assertThat(article.metadata().source()).isEqualTo("Kompas");
        assertThat(article.metadata().author()).isEqualTo("Rina Kartika");
        assertThat(article.metadata().editor()).isEqualTo("Dimas Prasetyo");
        assertThat(article.metadata().publishedAt()).isEqualTo("2024-11-05T10:15:00+07:00");
        assertThat(article.metadata().url())
                .isEqualTo("https://megapolitan.kompas.com/read/2024/11/05/101500/banjir-rob-genangi-pesisir-utara-jakarta");
        assertThat(article.language()).isEqualTo("id");
        assertThat(article.languageConfidence()).isGreaterThan(0.5);
        assertThat(article.id()).matches("[a-z0-9-]{1,64}").startsWith("kompas-");
    }

    @Test
    void datelineAboveTheStoryInABlockOfItsOwnOrBelowAPhotoIsStillTheDateline() throws Exception {
        Article detik = onlyArticle(fixture("pages/detik-photo-tables.html"));
        Article kompas = onlyArticle(fixture("pages/kompas-photo-header.html"));

        assertThat(detik.metadata().dateline()).isEqualTo("Jakarta");
        assertThat(detik.paragraphs().get(0)).startsWith("Pelatih kiper kini");
        assertThat(kompas.metadata().dateline()).isEqualTo("Rembang");
        assertThat(kompas.paragraphs().get(0)).startsWith("Petani garam di pesisir");
    }

    @Test
    void detikPageReadsDetikDateAndAuthorTags() throws Exception {
        Article article = onlyArticle(fixture("pages/detik-no-p.html"));

        assertThat(article.metadata().dateline()).isEqualTo("Jakarta");
        assertThat(article.metadata().source()).isEqualTo("Detik");
        assertThat(article.metadata().author()).isEqualTo("Andi Saputra");
        assertThat(article.metadata().publishedAt()).isEqualTo("2024-10-28T14:32:10");
    }

    @Test
    void antaraPageDeclaringLatin1ButWrittenInUtf8IsReadAsUtf8() throws Exception {
        Article article = onlyArticle(fixture("pages/antara-mixed-charset.html"));

        assertThat(article.body()).contains("Amélie Durand").doesNotContain("Ã");
        assertThat(article.metadata().dateline()).isEqualTo("Mataram");
        assertThat(article.metadata().source()).isEqualTo("ANTARA");
        assertThat(article.metadata().author()).isEqualTo("Lalu Hamzani");
        assertThat(article.metadata().editor()).isEqualTo("Rahmad Nasution");
        assertThat(article.metadata().publishedAt()).isEqualTo("2024-09-14T16:40:00+08:00");
    }

    @Test
    void tempoPageJoinsSeveralJsonLdAuthorsAndDropsZeroWidthSpaces() throws Exception {
        Article article = onlyArticle(fixture("pages/tempo-figure-entities.html"));

        assertThat(article.metadata().author()).isEqualTo("Yohanes Paskalis, Mei Lestari");
        assertThat(article.metadata().source()).isEqualTo("Tempo");
        assertThat(article.metadata().dateline()).isEqualTo("Jakarta");
        assertThat(article.body()).contains("pembangunan stasiun").doesNotContain("\u200B").doesNotContain("\u00A0");
    }

    @Test
    void timesIndonesiaPageKeepsEditorAndPublisherAsMetadata() throws Exception {
        Article article = onlyArticle(fixture("pages/timesindonesia-residue.html"));

        assertThat(article.metadata().editor()).isEqualTo("Imadudin Muhammad");
        assertThat(article.metadata().publisher()).isEqualTo("Rochmat Shobirin");
        assertThat(article.metadata().dateline()).isEqualTo("Bondowoso");
        assertThat(article.metadata().source()).isEqualTo("TIMES Indonesia");
    }

    @Test
    void cnnAndTribunPagesGiveAuthorEditorAndCity() throws Exception {
        Article cnn = onlyArticle(fixture("pages/cnnindonesia-scroll-ads.html"));
        Article tribun = onlyArticle(fixture("pages/tribun-tayang-footer.html"));

        assertThat(cnn.metadata().author()).isEqualTo("Fajar Nugraha");
        assertThat(cnn.metadata().source()).isEqualTo("CNN Indonesia");
        assertThat(cnn.metadata().dateline()).isEqualTo("Jakarta");
        assertThat(tribun.metadata().author()).isEqualTo("Ahmad Fauzi");
        assertThat(tribun.metadata().editor()).isEqualTo("Sanusi");
        assertThat(tribun.metadata().dateline()).isEqualTo("Garut");
    }

    @Test
    void englishEditionIsAnArticleRecordedAsEnglish() throws Exception {
        Article article = onlyArticle(fixture("pages/english-edition.html"));

        assertThat(article.language()).isEqualTo("en");
        assertThat(article.languageConfidence()).isGreaterThan(0.8);
        assertThat(article.metadata().editor()).isEqualTo("Anton Santoso");
    }

    @Test
    void photoGalleryIsNotAnArticle() throws Exception {
        Rejected rejected = onlyRejected(fixture("rejected/photo-gallery.html"));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.NOT_ARTICLE);
        assertThat(rejected.reason()).startsWith("photo gallery");
        assertThat(rejected.title()).isEqualTo("FOTO: Suasana Pasar Terapung Lok Baintan di Pagi Hari");
    }

    @Test
    void galleryOnASitesPhotoHostIsNotAnArticle() throws Exception {
        Rejected rejected = onlyRejected(fixture("rejected/photo-host-gallery.html"));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.NOT_ARTICLE);
        assertThat(rejected.reason()).startsWith("photo gallery (photo host photo.liputan6.com");
    }

    @Test
    void videoPageIsNotAnArticle() throws Exception {
        Rejected rejected = onlyRejected(fixture("rejected/video-page.html"));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.NOT_ARTICLE);
        assertThat(rejected.reason()).startsWith("video page").contains("og:type video.other");
    }

    @Test
    void homePageIsNotAnArticle() throws Exception {
        Rejected rejected = onlyRejected(fixture("rejected/home-page.html"));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.NOT_ARTICLE);
        assertThat(rejected.reason()).startsWith("index page");
    }

    @Test
    void twoSentenceCourtNewsIsDeliveredAsABrief() throws Exception {
        Article article = (Article) reader.read(fixture("pages/republika-brief.html")).get(0);

        assertThat(article.paragraphs()).hasSize(1);
        assertThat(article.paragraphs().get(0)).startsWith("Majelis hakim Pengadilan Negeri Jakarta Pusat");
        assertThat(article.metadata().form()).isEqualTo(ArticleMetadata.BRIEF);
        assertThat(article.metadata().dateline()).isEqualTo("Jakarta");
    }

    @Test
    void fullStoryIsLabelledAnArticle() throws Exception {
        Article article = (Article) reader.read(fixture("pages/okezone-furniture-wrapper.html")).get(0);

        assertThat(article.metadata().form()).isEqualTo(ArticleMetadata.FULL);
        assertThat(article.metadata().encoding()).isEqualTo("UTF-8");
    }

    @Test
    void shortTextWithAReadMoreLinkIsATeaserAndTheReasonNamesTheLink() throws Exception {
        Rejected rejected = onlyRejected(fixture("rejected/teaser-read-more.html"));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.NOT_ARTICLE);
        assertThat(rejected.reason()).isEqualTo("a teaser, not an article: a \"Baca selengkapnya\" link after 2 "
                + "sentence(s)");
    }

    @Test
    void pageWithoutClosingTagsIsReadAsABrowserReadsIt() throws Exception {
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Banjir Rob Surut</title></head>"
                + "<body><h1>Banjir Rob Surut</h1><div class=\"content\"><p>Semarang - Banjir rob di pesisir "
                + "Semarang surut pada Minggu pagi setelah air laut kembali normal.<p>Warga mulai membersihkan "
                + "rumah dan jalan dari lumpur yang terbawa air.<p>Pemerintah kota menyiapkan pompa tambahan untuk "
                + "mengantisipasi pasang berikutnya.</div><div class=\"footer\">Kabar Pesisir";
        Path file = tempDir.resolve("tanpa-penutup.html");
        Files.writeString(file, page);

        Article article = (Article) reader.read(file).get(0);

        assertThat(article.paragraphs()).hasSize(3);
        assertThat(article.paragraphs().get(2)).endsWith("pasang berikutnya.");
    }

    @Test
    void truncatedPageIsInvalid() throws Exception {
        Rejected rejected = onlyRejected(fixture("rejected/truncated-page.html"));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.INVALID);
        assertThat(rejected.reason()).startsWith("truncated HTML").contains("line 12");
        assertThat(rejected.id()).matches("[a-z0-9-]{1,64}");
    }

    @Test
    void inputFilesAreNotModified() throws Exception {
        Path page = fixture("pages/kompas-br-paragraphs.html");
        byte[] before = Files.readAllBytes(page);
        long modified = Files.getLastModifiedTime(page).toMillis();

        reader.read(page);

        assertThat(Files.readAllBytes(page)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(page).toMillis()).isEqualTo(modified);
    }

    private Article onlyArticle(Path input) {
        List<Ingested> items = reader.read(input);
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).as("%s", items.get(0)).isInstanceOf(Article.class);
        return (Article) items.get(0);
    }

    private Rejected onlyRejected(Path input) {
        List<Ingested> items = reader.read(input);
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).as("%s", items.get(0)).isInstanceOf(Rejected.class);
        return (Rejected) items.get(0);
    }

    static Path fixture(String name) throws URISyntaxException, IOException {
        return Path.of(Objects.requireNonNull(HtmlPagesTest.class.getResource("/ingest/" + name), name).toURI());
    }
}
