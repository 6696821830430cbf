package dev.warta.ingest;

import dev.warta.article.Article;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.warta.ingest.HtmlPagesTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** A feed file holds many articles: each entry is its own item with its own identity and outcome. */
class FeedsTest {

    private final ArticleReader reader = new ArticleReader();

    @Test
    void jsonLinesGiveOneItemPerNonBlankLineInFileOrder() throws Exception {
        List<Ingested> items = reader.read(fixture("feeds/desk-feed.jsonl"));

        assertThat(items).extracting(Ingested::location)
                .containsExactly("line 1", "line 2", "line 3", "line 5", "line 6");
        assertThat(items).extracting(Ingested::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z0-9-]{1,64}"));
    }

    @Test
    void plainTextEntryIsCleanedAndCarriesItsFeedMetadata() throws Exception {
        Article first = (Article) reader.read(fixture("feeds/desk-feed.jsonl")).get(0);

        assertThat(first.title()).isEqualTo("Bandara Dhoho Kediri Layani Penerbangan Umrah Perdana");
        assertThat(first.paragraphs()).hasSize(3);
        assertThat(first.paragraphs().get(0)).startsWith("Bandara Dhoho di Kediri");
        assertThat(first.metadata().dateline()).isEqualTo("Kediri");
        assertThat(first.metadata().source()).isEqualTo("ANTARA");
        assertThat(first.metadata().author()).isEqualTo("Syaiful Anwar");
        assertThat(first.metadata().publishedAt()).isEqualTo("2024-11-07T08:30:00+07:00");
        assertThat(first.id()).startsWith("antaranews-bandara-dhoho");
    }

    @Test
    void htmlContentEntryLosesScriptsAndReadAlsoLinks() throws Exception {
        Article second = (Article) reader.read(fixture("feeds/desk-feed.jsonl")).get(1);

        assertThat(second.paragraphs()).containsExactly(
                "Gubernur Jawa Tengah meresmikan pasar rakyat hasil revitalisasi di Kota Semarang, Jumat.",
                "Pasar itu kini memiliki 420 kios, ruang laktasi, dan area parkir yang lebih luas.",
                "Pedagang yang sempat berjualan di lokasi sementara selama setahun sudah mulai menempati kios baru.");
        assertThat(second.metadata().dateline()).isEqualTo("Semarang");
        assertThat(second.metadata().source()).isEqualTo("Kompas");
        assertThat(second.metadata().publishedAt()).isEqualTo("2024-11-08T15:00:00");
    }

    @Test
    void badLinesAreRejectedWithTheirLineNumberAndTheRestIsRead() throws Exception {
        List<Ingested> items = reader.read(fixture("feeds/desk-feed.jsonl"));

        Rejected notJson = (Rejected) items.get(2);
        assertThat(notJson.kind()).isEqualTo(Rejected.Kind.INVALID);
        assertThat(notJson.reason()).startsWith("line 3 is not JSON");
        Rejected noBody = (Rejected) items.get(3);
        assertThat(noBody.reason()).isEqualTo("line 5 has no body (expected \"body\", \"content\" or \"text\")");
        assertThat(items.get(4)).isInstanceOf(Article.class);
    }

    @Test
    void jsonArrayEntriesAreNumberedAndEachGetsItsOutcome() throws Exception {
        List<Ingested> items = reader.read(fixture("feeds/desk-feed.json"));

        assertThat(items).extracting(Ingested::location).containsExactly("entry 1", "entry 2", "entry 3");
        Article first = (Article) items.get(0);
        assertThat(first.title()).isEqualTo("Sungai Citarum Dibersihkan dari 40 Ton Sampah dalam Sepekan");
        assertThat(first.paragraphs()).hasSize(3);
        assertThat(first.metadata().publishedAt()).isEqualTo("2024-11-11T09:10:00+07:00");
        assertThat(first.metadata().dateline()).isEqualTo("Bandung");
        assertThat(((Rejected) items.get(1)).reason()).isEqualTo("entry 2 has an empty body");
        assertThat(((Rejected) items.get(2)).reason()).isEqualTo("entry 3 is a JSON string, not an object");
    }

    @Test
    void twoSentenceFeedEntryIsABriefAndTeasersAreRejectedByTheirEvidence(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) throws Exception {
        java.nio.file.Path feed = dir.resolve("singkat.jsonl");
        java.nio.file.Files.writeString(feed, String.join("\n",
                "{\"title\": \"KPK Periksa Dua Saksi Kasus Pengadaan Alat Kesehatan\", \"body\": \"Komisi "
                        + "Pemberantasan Korupsi memeriksa dua saksi dalam kasus pengadaan alat kesehatan pada Senin. "
                        + "Keduanya diperiksa sebagai pegawai dinas kesehatan provinsi.\"}",
                "{\"title\": \"Harga Cabai Melonjak\", \"body\": \"<p>Harga cabai rawit di Pasar Induk naik dua kali "
                        + "lipat dalam sepekan.</p><p><a href='https://example.id/cabai'>Baca selengkapnya</a></p>\"}",
                "{\"title\": \"Banjir di Kudus\", \"body\": \"Ratusan rumah di tiga desa di Kudus terendam banjir "
                        + "setinggi lutut setelah hujan deras semalaman, dan warga mulai...\"}"));

        List<Ingested> items = reader.read(feed);

        Article brief = (Article) items.get(0);
        assertThat(brief.paragraphs()).hasSize(1);
        assertThat(brief.metadata().form()).isEqualTo(dev.warta.article.ArticleMetadata.BRIEF);
        assertThat(((Rejected) items.get(1)).reason())
                .isEqualTo("a teaser, not an article: a \"Baca selengkapnya\" link after 1 sentence(s)");
        assertThat(((Rejected) items.get(2)).reason())
                .isEqualTo("a teaser, not an article: the text is cut off with \"...\" after 1 sentence(s)");
    }

    @Test
    void entryWhoseBodyIsOnlyLinksIsRejectedSayingSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path feed = dir.resolve("tautan.jsonl");
        java.nio.file.Files.writeString(feed, "{\"title\": \"Berita Pilihan Hari Ini\", \"body\": \"<ul>"
                + "<li><a href='/a'>Harga Beras Turun di Pasar Induk Cipinang</a></li>"
                + "<li><a href='/b'>Kereta Bandara Tambah Jadwal Akhir Pekan</a></li>"
                + "<li><a href='/c'>Festival Kuliner Digelar di Medan Pekan Depan</a></li></ul>\"}\n");

        Rejected rejected = (Rejected) reader.read(feed).get(0);

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.NOT_ARTICLE);
        assertThat(rejected.reason()).isEqualTo("a teaser or index, not an article: the body is only a list of links "
                + "(3 links)");
    }
}
