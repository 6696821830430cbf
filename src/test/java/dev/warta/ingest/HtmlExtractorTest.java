package dev.warta.ingest;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlExtractorTest {

    private static List<String> paragraphs(String body) {
        String page = "<html><head><title>Judul Uji</title><meta property=\"og:type\" content=\"article\"></head><body>"
                + body + "</body></html>";
        return HtmlExtractor.extract(Jsoup.parse(page)).paragraphs();
    }

    @Test
    void hiddenTextIsDroppedButStyledWordsInsideASentenceAreKept() {
        List<String> paragraphs = paragraphs("<div class=\"isi\">"
                + "<span style=\"display:none\">kata kunci, kata kunci lain</span>"
                + "<p>Harga bawang merah naik <span class=\"red\">tajam</span> pekan ini, kata pedagang di pasar.</p>"
                + "<p>Pemerintah daerah berjanji menggelar operasi pasar mulai Senin depan di lima lokasi.</p></div>");

        assertThat(paragraphs).containsExactly(
                "Harga bawang merah naik tajam pekan ini, kata pedagang di pasar.",
                "Pemerintah daerah berjanji menggelar operasi pasar mulai Senin depan di lima lokasi.");
    }

    @Test
    void pullQuoteRepeatingASentenceOfTheStoryIsKeptOnce() {
        List<String> paragraphs = paragraphs("<div class=\"isi\">"
                + "<blockquote>... operasi pasar mulai Senin depan di lima lokasi ...</blockquote>"
                + "<p>Harga bawang merah naik tajam pekan ini, kata pedagang di pasar induk kota.</p>"
                + "<p>Pemerintah daerah berjanji menggelar operasi pasar mulai Senin depan di lima lokasi.</p></div>");

        assertThat(paragraphs).hasSize(2).noneMatch(paragraph -> paragraph.startsWith("..."));
    }

    @Test
    void storyThatGoesOnInAChildElementIsReadWhole() {
        List<String> paragraphs = paragraphs("<div class=\"sidebar-box\"><a href=\"/1\">Berita lain yang tidak "
                + "terkait sama sekali dengan isi berita ini</a></div><div id=\"content\">Kalimat pertama berita ini "
                + "berdiri sendiri di dalam wadah utama.<div><br>Kalimat kedua ada di dalam elemen anak dan masih "
                + "bagian dari berita.<br><br>Kalimat ketiga menutup berita dengan keterangan narasumber.</div></div>");

        assertThat(paragraphs).containsExactly(
                "Kalimat pertama berita ini berdiri sendiri di dalam wadah utama.",
                "Kalimat kedua ada di dalam elemen anak dan masih bagian dari berita.",
                "Kalimat ketiga menutup berita dengan keterangan narasumber.");
    }

    @Test
    void photoWithItsCaptionInsideTheStoryGoesButAPictureInsideASentenceStays() {
        List<String> paragraphs = paragraphs("<div class=\"isi\">"
                + "<p>Ribuan warga memadati alun-alun kota untuk menyaksikan pawai budaya tahunan sejak pagi hari.</p>"
                + "<div class=\"pic\"><img src=\"pawai.jpg\">Peserta pawai berjalan melintasi alun-alun. "
                + "Foto: Dewi Lestari</div>"
                + "<p>Panitia menyebut jumlah peserta tahun ini naik <span><img src=\"senyum.png\"> dua kali lipat"
                + "</span> dibandingkan tahun lalu.</p>"
                + "<p>Pawai ditutup dengan pertunjukan tari massal di depan balai kota menjelang sore.</p></div>");

        assertThat(paragraphs).containsExactly(
                "Ribuan warga memadati alun-alun kota untuk menyaksikan pawai budaya tahunan sejak pagi hari.",
                "Panitia menyebut jumlah peserta tahun ini naik dua kali lipat dibandingkan tahun lalu.",
                "Pawai ditutup dengan pertunjukan tari massal di depan balai kota menjelang sore.");
    }
}
