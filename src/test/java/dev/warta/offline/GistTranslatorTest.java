package dev.warta.offline;

import dev.warta.article.Glossary;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GistTranslatorTest {

    private static final Lexicon LEXICON = Lexicon.of(Map.ofEntries(
            Map.entry("tentara", "soldier|n"),
            Map.entry("rusia", "Russia|pn"),
            Map.entry("presiden", "president|n"),
            Map.entry("rumah", "house|n"),
            Map.entry("besar", "big|adj"),
            Map.entry("menyerang", "attacked|v"),
            Map.entry("kota", "city|n"),
            Map.entry("itu", "that|det"),
            Map.entry("ini", "this|det"),
            Map.entry("para", "the|det"),
            Map.entry("pejabat", "official|n"),
            Map.entry("tiga", "three|num"),
            Map.entry("bangun", "build|v"),
            Map.entry("akan", "will|v"),
            Map.entry("telah", "has|v"),
            Map.entry("tidak", "not|adv"),
            Map.entry("pada", "on|prep"),
            Map.entry("naik", "rose|v"),
            Map.entry("persen", "percent|n"),
            Map.entry("anggaran", "budget|n"),
            Map.entry("triliun", "trillion|num"),
            Map.entry("sebesar", "of|prep"),
            Map.entry("harga", "price|n"),
            Map.entry("orang", "people|n"),
            Map.entry("mengungsi", "fled|v"),
            Map.entry("kata", "said|v"),
            Map.entry("di", "in|prep"),
            Map.entry("anak", "child|n"),
            Map.entry("bermain", "play|v"),
            Map.entry("mereka", "they|pron"),
            Map.entry("hari", "day|n"),
            Map.entry("tiba", "arrive|v"),
            Map.entry("pada hari", "on|prep"),
            Map.entry("secara", "in a way|adv"),
            Map.entry("terbuka", "open|adj"),
            Map.entry("mendukung", "supported|v"),
            Map.entry("tua", "old|adj"),
            Map.entry("bagi", "for|prep"),
            Map.entry("sedang", "is|v"),
            Map.entry("membahas", "discussed|v"),
            Map.entry("kunjung", "visit|v")));

    private final GistTranslator translator = new GistTranslator(LEXICON, Glossary.empty());

    private String gist(String text) {
        return translator.translate(text).english();
    }

    @Test
    void nounBeforeANationalityBecomesAdjectiveNoun() {
        assertThat(gist("tentara Rusia menyerang kota itu")).isEqualTo("The Russian soldier attacked the city");
        assertThat(gist("Kata Presiden Rusia.")).isEqualTo("Said Russian President.");
    }

    @Test
    void nounBeforeAnAdjectiveSwaps() {
        assertThat(gist("rumah besar")).isEqualTo("The big house");
    }

    @Test
    void sedangBeforeAVerbIsTheProgressive() {
        assertThat(gist("presiden sedang membahas anggaran")).isEqualTo("The president is discussing budget");
        assertThat(gist("presiden sedang berkunjung")).isEqualTo("The president is visiting");
    }

    @Test
    void secaraWithAnAdjectiveIsAnAdverb() {
        assertThat(gist("mendukung secara terbuka")).isEqualTo("Supported openly");
    }

    @Test
    void superlativeAfterItsNounMovesBeforeItWithThe() {
        assertThat(gist("kata anak tertua")).isEqualTo("Said the oldest child");
    }

    @Test
    void functionWordsTakeNoDerivationalPrefix() {
        // "dibagi" is not a passive of the preposition "bagi": unknown, so kept as written.
        assertThat(gist("rumah dibagi")).isEqualTo("The house dibagi");
    }

    @Test
    void determinersMoveBeforeTheirNoun() {
        assertThat(gist("rumah ini")).isEqualTo("This house");
        assertThat(gist("rumah besar itu")).isEqualTo("The big house");
        assertThat(gist("tiga rumah itu")).isEqualTo("The three houses");
        assertThat(gist("rumah mereka")).isEqualTo("Their house");
    }

    @Test
    void englishArticlesAfterPrepositionsAndForASentenceOpeningNoun() {
        assertThat(gist("anak bermain di rumah")).isEqualTo("The child play in the house");
        assertThat(gist("anak-anak bermain di rumah mereka")).isEqualTo("Children play in their house");
    }

    @Test
    void pluralsFromParaNumbersAndReduplication() {
        assertThat(gist("para pejabat")).isEqualTo("Officials");
        assertThat(gist("tiga rumah")).isEqualTo("Three houses");
        assertThat(gist("anak-anak bermain")).isEqualTo("Children play");
    }

    @Test
    void diPassiveGetsTheAuxiliaryItsContextNeeds() {
        assertThat(gist("rumah itu dibangun")).isEqualTo("The house was built");
        assertThat(gist("rumah akan dibangun")).isEqualTo("The house will be built");
        assertThat(gist("rumah telah dibangun")).isEqualTo("The house has been built");
        assertThat(gist("rumah tidak dibangun")).isEqualTo("The house not built");
    }

    @Test
    void numbersUseEnglishSeparatorsAndRupiahBecomesIdr() {
        assertThat(gist("harga naik 3,5 persen")).isEqualTo("The price rose 3.5 percent");
        assertThat(gist("anggaran sebesar Rp 5 triliun")).isEqualTo("The budget of IDR 5 trillion");
        assertThat(gist("anggaran sebesar Rp5.000")).isEqualTo("The budget of IDR 5,000");
        assertThat(gist("600.000 orang mengungsi")).isEqualTo("600,000 people fled");
        assertThat(GistTranslator.formatNumber("1.250.000,75")).isEqualTo("1,250,000.75");
        assertThat(GistTranslator.formatNumber("10.30")).isEqualTo("10.30"); // a time, not thousands
    }

    @Test
    void datesAndDaysReadTheEnglishWay() {
        assertThat(gist("tiba pada 17 Agustus 1945")).isEqualTo("Arrive on August 17, 1945");
        assertThat(gist("tiba pada 5 Januari")).isEqualTo("Arrive on January 5");
        assertThat(gist("tiba pada hari Senin (5/1)")).isEqualTo("Arrive on Monday (5/1)");
    }

    @Test
    void namesAndUnknownWordsAreKeptAsWritten() {
        assertThat(gist("kata Sri Mulyani di Jakarta")).isEqualTo("Said Sri Mulyani in Jakarta");
        assertThat(gist("rumah Pak Harto kosong")).startsWith("The house Pak Harto kosong");
        // A capitalised word the lexicon knows is still a name when it follows a name (Bambang Besar).
        assertThat(gist("kata Bambang Besar")).isEqualTo("Said Bambang Besar");
        // ... and when it opens a name: followed by a capitalised word the lexicon does not know.
        assertThat(gist("kata Besar Santoso")).isEqualTo("Said Besar Santoso");
        // A capitalised adjective in mid-sentence is a name (Teguh, Mandiri), not an adjective to translate.
        assertThat(gist("rumah Tua")).isEqualTo("The house Tua");
        // A title before a name is still translated.
        assertThat(gist("kata Presiden Santoso")).isEqualTo("Said President Santoso");
    }

    @Test
    void punctuationAndQuotesKeepTheirSpacing() {
        assertThat(gist("\"Rumah itu besar,\" kata Budi (50).")).isEqualTo("\"The house big,\" said Budi (50).");
    }

    @Test
    void glossaryTermsWinOverTheLexiconAndAcronymsNeedCapitals() {
        GistTranslator withGlossary = new GistTranslator(LEXICON, Glossary.of(Map.of(
                "DPR", "House of Representatives (DPR)", "Wakil Presiden", "Vice President")));

        assertThat(withGlossary.translate("kata Wakil Presiden di DPR").english())
                .isEqualTo("Said Vice President in House of Representatives (DPR)");
        assertThat(withGlossary.translate("kata dpr").english()).isEqualTo("Said dpr");
    }

    @Test
    void headlinesInTitleCaseOrCapitalsAreStillTranslated() {
        assertThat(gist("Tentara Rusia Menyerang Kota")).isEqualTo("Russian Soldier Attacked City");
        assertThat(gist("TENTARA RUSIA MENYERANG KOTA")).isEqualTo("Russian Soldier Attacked City");
    }

    @Test
    void coverageCountsWordsTheLexiconRenderedButNotNamesOrNumbers() {
        GistTranslator.Gist gist = translator.translate("kata Budi 5 rumah kosong");

        assertThat(gist.words()).isEqualTo(3); // kata, rumah, kosong
        assertThat(gist.translated()).isEqualTo(2);
    }
}
