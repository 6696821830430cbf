package dev.warta.offline;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.Glossary;
import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.article.Usage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineEngineTest {

    /** A short news story written for this test. */
    static final Article FLOOD = article("id", "Banjir Rendam Ratusan Rumah di Bekasi", List.of(
            "Banjir merendam ratusan rumah warga di Kecamatan Bekasi Utara pada Senin (5/2/2024) pagi.",
            "Ketinggian air banjir mencapai satu meter setelah Sungai Cikeas meluap akibat hujan sejak Minggu malam. "
                    + "Sebanyak 1.200 warga mengungsi ke masjid dan sekolah terdekat.",
            "Kepala BPBD Kota Bekasi, Ahmad Subagja, mengatakan petugas telah mengevakuasi warga lanjut usia dan "
                    + "anak-anak. \"Kami menyiapkan perahu karet dan dapur umum,\" ujarnya.",
            "Pemerintah kota menyiapkan anggaran darurat sebesar Rp 2,5 miliar untuk membantu warga yang rumahnya "
                    + "rusak akibat banjir.",
            "Wali Kota Bekasi meminta warga tetap waspada karena hujan deras diperkirakan turun hingga akhir pekan."));

    static Article article(String language, String title, List<String> paragraphs) {
        return new Article("test-" + title.hashCode(), "input/test.txt", null, title, paragraphs,
                ArticleMetadata.EMPTY, language, 0.99, "hash");
    }

    private final OfflineEngine engine = new OfflineEngine(Glossary.of(Map.of(
            "Wali Kota", "Mayor", "BPBD", "Regional Disaster Management Agency (BPBD)")));

    @Test
    void resultIsLabelledAsAnOfflineGistWithNoUsageAndNoReviewReasons() {
        Translation translation = engine.translate(FLOOD);

        assertThat(engine.name()).isEqualTo("offline");
        assertThat(translation.engine()).isEqualTo("offline");
        assertThat(translation.model()).isEqualTo(OfflineEngine.MODEL);
        assertThat(translation.quality()).isEqualTo("gist");
        assertThat(translation.usage()).isEqualTo(Usage.NONE);
        assertThat(translation.reviewReasons()).isEmpty();
        assertThat(translation.sourceLanguage()).isEqualTo("id");
        assertThat(translation.targetLanguage()).isEqualTo("en");
    }

    @Test
    void paragraphsStayOneToOneWithTheSourceAndAreTranslated() {
        Translation translation = engine.translate(FLOOD);

        assertThat(translation.paragraphs()).hasSameSizeAs(FLOOD.paragraphs());
        assertThat(translation.title()).containsIgnoringCase("flood").contains("Bekasi");
        assertThat(translation.paragraphs().get(1)).contains("1,200");
        assertThat(translation.paragraphs().get(3)).contains("IDR 2.5 billion");
        assertThat(translation.paragraphs().get(4)).startsWith("Mayor");
    }

    @Test
    void summaryAndKeyPointsComeFromTheMostCentralSentences() {
        Translation translation = engine.translate(FLOOD);

        assertThat(translation.summary()).isNotBlank().containsIgnoringCase("flood");
        assertThat(translation.keyPoints()).hasSizeBetween(3, 5);
        // the lead sentence of a news story is always among the key points
        assertThat(translation.keyPoints().get(0)).isEqualTo(engine.translateText(FLOOD.paragraphs().get(0)));
    }

    @Test
    void entitiesAndTagsAreFound() {
        Translation translation = engine.translate(FLOOD);

        assertThat(translation.entities()).extracting(NamedEntity::name).contains("Ahmad Subagja", "Kota Bekasi");
        assertThat(translation.entities()).filteredOn(e -> e.name().equals("Ahmad Subagja"))
                .extracting(NamedEntity::type).containsOnly("PERSON");
        assertThat(translation.tags()).hasSizeBetween(1, 5).contains("disaster");
    }

    @Test
    void qualityScoreIsTheCoverageScaledBelowAFullTranslation() {
        Translation translation = engine.translate(FLOOD);
        Translation gibberish = engine.translate(article("id", "xqzt vrrk plomf", List.of("xqzt vrrk plomf gnarb.")));

        assertThat(translation.qualityScore()).isBetween(0.3, OfflineEngine.MAX_QUALITY_SCORE);
        assertThat(gibberish.qualityScore()).isLessThan(0.1);
    }

    @Test
    void englishArticlesPassThroughAndAreStillSummarised() {
        Article english = article("en", "Floods hit Bekasi", List.of(
                "Floods submerged hundreds of homes in Bekasi on Monday.",
                "Residents were moved to mosques and schools nearby."));

        Translation translation = engine.translate(english);

        assertThat(translation.title()).isEqualTo("Floods hit Bekasi");
        assertThat(translation.paragraphs()).isEqualTo(english.paragraphs());
        assertThat(translation.summary()).contains("Floods submerged hundreds of homes in Bekasi on Monday.");
        assertThat(translation.sourceLanguage()).isEqualTo("en");
    }

    @Test
    void sameResultFromManyThreadsAtOnce() throws Exception {
        Translation expected = engine.translate(FLOOD);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Translation>> results = pool.invokeAll(java.util.Collections.nCopies(16, () -> engine.translate(FLOOD)));
            for (Future<Translation> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
