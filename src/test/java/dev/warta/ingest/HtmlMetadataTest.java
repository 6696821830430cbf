package dev.warta.ingest;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlMetadataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Harga Cabai Naik Lagi - Kompas.com;Harga Cabai Naik Lagi",
            "Harga Cabai Naik Lagi | Okezone Economy;Harga Cabai Naik Lagi",
            "KapanLagi.com: FOTO: Artis Liburan ke Bali;FOTO: Artis Liburan ke Bali",
            "Harga Cabai Naik - Pedagang Mengeluh - ANTARA News;Harga Cabai Naik - Pedagang Mengeluh",
            "Jokowi: Harga Cabai Harus Turun;Jokowi: Harga Cabai Harus Turun"})
    void takesTheSiteNameOffTheTitleButNotPartsOfTheHeadline(String title, String clean) {
        assertThat(HtmlMetadata.withoutSiteName(title, Set.of("kompas", "okezone", "kapanlagi", "antaranews")))
                .isEqualTo(clean);
    }

    @Test
    void photoCreditUnderAPictureIsNotTheAuthor() {
        String page = "<html><head><title>Judul</title></head><body><div class=\"photo\"><img src=a.jpg>"
                + "<span class=\"author\">Instagram @someone</span></div><div class=\"byline\">Pewarta: Sri Wahyuni</div>"
                + "</body></html>";

        assertThat(HtmlMetadata.read(Jsoup.parse(page)).author()).isEqualTo("Sri Wahyuni");
    }
}
