package dev.warta.offline;

import dev.warta.text.SentenceSplitter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummarizerTest {

    // Written for this test: the flood sentences share words with one another; the weather aside shares none.
    private static final List<String> FLOOD_STORY = List.of(
            "Banjir merendam ratusan rumah warga di Kecamatan Cibeber pada Senin pagi.",
            "Ketinggian air banjir di rumah warga mencapai satu meter setelah sungai meluap.",
            "Cuaca cerah diperkirakan terjadi di Bandung pekan depan.",
            "Petugas BPBD mengevakuasi warga dari rumah yang terendam banjir ke masjid terdekat.",
            "Kepala desa meminta warga tetap waspada karena banjir bisa datang lagi.",
            "Harga cabai di pasar tradisional stabil.");

    @Test
    void picksTheCentralSentencesInDocumentOrder() {
        List<Summarizer.Ranked> ranked = Summarizer.rank(FLOOD_STORY);

        List<String> summary = Summarizer.best(ranked, 3);

        assertThat(summary).hasSize(3)
                .doesNotContain(FLOOD_STORY.get(2), FLOOD_STORY.get(5))
                .first().isEqualTo(FLOOD_STORY.get(0));
        // document order is kept
        assertThat(FLOOD_STORY.indexOf(summary.get(1))).isLessThan(FLOOD_STORY.indexOf(summary.get(2)));
    }

    @Test
    void summaryLengthFollowsArticleLength() {
        assertThat(Summarizer.summaryLength(10)).isEqualTo(3);
        assertThat(Summarizer.summaryLength(3)).isEqualTo(2);
        assertThat(Summarizer.summaryLength(1)).isEqualTo(1);
    }

    @Test
    void sentencesSplitAtFullStopsButNotAtTitlesOrDecimals() {
        assertThat(SentenceSplitter.split("Dr. Budi tiba pukul 10.30 WIB. Ia disambut warga! Lalu pulang."))
                .containsExactly("Dr. Budi tiba pukul 10.30 WIB.", "Ia disambut warga!", "Lalu pulang.");
    }
}
