package dev.warta.faithfulness;

import dev.warta.article.NamedEntity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FaithfulnessCheckerTest {

    private final FaithfulnessChecker checker = new FaithfulnessChecker();

    private static final List<String> SOURCE = List.of(
            "Sekretaris Jenderal NATO, Mark Rutte menyatakan bahwa lebih dari 600.000 tentara Rusia tewas dan terluka.",
            "Inflasi pada Oktober 2025 tercatat 3,5 persen, sementara anggaran mencapai Rp 5 triliun.",
            "Gempa terjadi pada Selasa (18/11/2025) pukul 09.42 WIB di Kabupaten Malang, Jawa Timur.");

    private static final List<String> GOOD = List.of(
            "NATO Secretary-General Mark Rutte said that more than 600,000 Russian soldiers had been killed and wounded.",
            "Inflation in October 2025 was 3.5 percent, while the budget reached Rp 5 trillion.",
            "The earthquake struck on Tuesday (18/11/2025) at 9:42 a.m. Western Indonesian Time in Malang Regency, "
                    + "East Java.");

    @Test
    void aFaithfulTranslationPassesEveryCheck() {
        CheckResult result = checker.checkTranslation(SOURCE, GOOD, Map.of(), List.of(), "en");

        assertThat(result.failures()).isEmpty();
        assertThat(result.score()).isEqualTo(1.0);
    }

    @Test
    void numbersAreComparedByValueWhateverTheirFormatting() {
        List<String> otherFormats = List.of(GOOD.get(0).replace("600,000", "600 thousand"),
                GOOD.get(1).replace("Rp 5 trillion", "IDR 5,000,000,000,000"),
                GOOD.get(2).replace("(18/11/2025)", "November 18, 2025,"));

        assertThat(checker.checkTranslation(SOURCE, otherFormats, Map.of(), List.of(), "en").failures()).isEmpty();
    }

    @Test
    void aChangedNumberIsNamed() {
        List<String> changed = List.of(GOOD.get(0).replace("600,000", "60,000"), GOOD.get(1), GOOD.get(2));

        CheckResult result = checker.checkTranslation(SOURCE, changed, Map.of(), List.of(), "en");

        assertThat(result.failures()).containsExactly("number 600.000 missing or changed");
        assertThat(result.score()).isLessThan(1.0);
    }

    @Test
    void aDroppedNameIsNamedUnlessAKnownRenderingIsUsed() {
        List<String> dropped = List.of(GOOD.get(0).replace("Mark Rutte", "the alliance chief"), GOOD.get(1),
                GOOD.get(2));

        assertThat(checker.checkTranslation(SOURCE, dropped, Map.of(), List.of(), "en").failures())
                .contains("name Rutte missing");
        // "Rusia" and "Jawa" are found through their English renderings in GOOD already; "Timur" (east) and
        // "Malang" (unlucky) are dictionary words, translated with the name, so they are not checked
        assertThat(checker.names(SOURCE)).contains("NATO", "Rutte", "Rusia", "Jawa")
                .doesNotContain("Sekretaris", "Selasa", "Oktober", "WIB", "Kabupaten", "Timur");
    }

    @Test
    void anEntityRenderingReportedByTheModelCountsForTheName() {
        List<String> source = List.of("Delegasi tiba di Tiongkok Daratan kemarin sore bersama Menlu.");
        List<String> english = List.of("The delegation arrived in mainland China yesterday afternoon with the minister.");

        assertThat(checker.checkTranslation(source, english, Map.of(),
                List.of(new NamedEntity("Tiongkok Daratan", "mainland China", "PLACE")), "en").failures()).isEmpty();
    }

    @Test
    void loanwordsInsideNamesMayTakeTheirEnglishSpelling() {
        List<String> source = List.of("Menurut Badan Meteorologi, Klimatologi, dan Geofisika hujan masih turun besok.");
        List<String> english = List.of("According to the Meteorology, Climatology and Geophysics Agency, rain will "
                + "still fall tomorrow.");

        assertThat(checker.checkTranslation(source, english, Map.of(), List.of(), "en").failures()).isEmpty();
        assertThat(FaithfulnessChecker.cognates("Klimatologi")).contains("climatology");
    }

    @Test
    void anAcronymInTheGlossaryIsHeldToItsRenderingNotItsSpelling() {
        List<String> source = List.of("Dana itu berasal dari APBD Kota Yogyakarta tahun ini, kata pejabat setempat.");
        List<String> english = List.of("The money comes from the Yogyakarta city regional budget this year, "
                + "an official said.");

        assertThat(checker.checkTranslation(source, english, Map.of("APBD", "regional budget"), List.of(), "en")
                .failures()).isEmpty();
        assertThat(checker.checkTranslation(source, english, Map.of(), List.of(), "en").failures())
                .containsExactly("name APBD missing");
    }

    @Test
    void glossaryRenderingsAreRequiredWhenTheTermOccurs() {
        List<String> source = List.of("Rapat DPR membahas anggaran pendidikan selama tiga jam penuh kemarin.");
        List<String> english = List.of("The parliament meeting discussed the education budget for three full hours.");

        assertThat(checker.checkTranslation(source, english, Map.of("DPR", "House of Representatives (DPR)"),
                List.of(), "en").failures())
                .contains("glossary term DPR not rendered as \"House of Representatives (DPR)\"");
    }

    @Test
    void aMergedParagraphIsCaughtEvenWhenTheCountIsRight() {
        List<String> merged = List.of(GOOD.get(0) + " " + GOOD.get(1), "", GOOD.get(2));

        assertThat(checker.checkTranslation(SOURCE, merged, Map.of(), List.of(), "en").failures())
                .contains("paragraph 2 does not match its source (0 characters for 88): merged, split or shifted");
    }

    @Test
    void untranslatedIndonesianIsNotAcceptedAsEnglish() {
        CheckResult result = checker.checkSummary(
                "Sekjen NATO mengatakan bahwa Rusia telah kehilangan banyak tentara. Ia juga mengkritik Korea Utara.",
                List.of("Rusia kehilangan tentara.", "Korea Utara mengirim pasukan.", "NATO akan terus mendukung."),
                List.of("security"), "en");

        assertThat(result.failures()).contains("summary is not in the target language (en): it reads as id");
    }

    @Test
    void preambleCommentaryAndMarkdownAreFlagged() {
        assertThat(checker.checkTranslation(List.of("Harga beras naik tajam di Surabaya pekan ini, kata pedagang."),
                List.of("Here is the translation: Rice prices rose sharply in Surabaya this week, traders said."),
                Map.of(), List.of(), "en").failures()).anyMatch(failure -> failure.contains("preamble"));

        CheckResult summary = checker.checkSummary("**Rice** prices rose. Traders blamed the harvest.",
                List.of("Prices rose.", "Traders spoke.", "Harvest was poor."), List.of("economy"), "en");
        assertThat(summary.failures()).anyMatch(failure -> failure.contains("Markdown"));
    }

    @Test
    void summaryAndKeyPointsMustStayWithinTheirBounds() {
        CheckResult result = checker.checkSummary("Rice prices rose.", List.of("Prices rose."), List.of(), "en");

        assertThat(result.failures()).contains(
                "summary has 1 sentences and 3 words (wanted 2 to 4 sentences, at most 80 words)",
                "1 key points (wanted 3 to 5)", "0 topic tags (wanted 1 to 5)");
    }
}
