package dev.warta.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

    @Test
    void sameStoryUnderTrackingParametersSchemeAndWwwHasOneId() {
        String plain = ArticleIds.fromUrl("https://www.kompas.com/read/2024/11/05/banjir-rob-jakarta");
        String tracked = ArticleIds.fromUrl("http://kompas.com/read/2024/11/05/banjir-rob-jakarta/?utm_source=x#top");

        assertThat(tracked).isEqualTo(plain);
        assertThat(plain).startsWith("kompas-banjir-rob-jakarta-").matches("[a-z0-9-]{1,64}");
    }

    @Test
    void differentStoriesHaveDifferentIds() {
        assertThat(ArticleIds.fromUrl("https://kompas.com/read/1/berita"))
                .isNotEqualTo(ArticleIds.fromUrl("https://kompas.com/read/2/berita"));
    }

    @Test
    void longTitlesStillGiveFileNameSafeIdsOfAtMost64Characters() {
        String title = "Ketua DPRD Kabupaten Bandung Barat Menyatakan Dukungan Penuh terhadap Rencana Pembangunan "
                + "Waduk Baru di Wilayah Selatan — Édisi Khusus!";
        String hash = ArticleIds.contentHash(title, List.of("Isi."));

        String id = ArticleIds.fromContent(title, hash);

        assertThat(id).matches("[a-z0-9-]{1,64}").startsWith("ketua-dprd-kabupaten");
    }

    @Test
    void contentHashIgnoresWhitespaceDifferencesButNotWordChanges() {
        String hash = ArticleIds.contentHash("Judul", List.of("Kalimat  satu.", "Kalimat dua."));

        assertThat(ArticleIds.contentHash(" Judul ", List.of("Kalimat satu.", "Kalimat\tdua."))).isEqualTo(hash);
        assertThat(ArticleIds.contentHash("Judul", List.of("Kalimat satu.", "Kalimat tiga."))).isNotEqualTo(hash);
        assertThat(hash).matches("[0-9a-f]{64}");
    }

    @Test
    void rejectedIdsDifferPerFeedEntryAndAreFileNameSafe() {
        String line3 = ArticleIds.forRejected("input/feeds/Desk Feed.jsonl", "line 3");
        String line4 = ArticleIds.forRejected("input/feeds/Desk Feed.jsonl", "line 4");

        assertThat(line3).isNotEqualTo(line4).startsWith("rejected-desk-feed-jsonl-line-3-")
                .matches("[a-z0-9-]{1,64}");
    }
}
