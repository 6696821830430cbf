package dev.warta.offline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MorphologyTest {

    private final Morphology morphology = new Morphology(Lexicon.of(Map.ofEntries(
            Map.entry("tulis", "write|v"),
            Map.entry("pukul", "hit|v"),
            Map.entry("makan", "eat|v"),
            Map.entry("beri", "give|v"),
            Map.entry("ikan", "fish|n"),
            Map.entry("kirim", "send|v"),
            Map.entry("ambil", "take|v"),
            Map.entry("sapu", "sweep|v"),
            Map.entry("bangun", "build|v"),
            Map.entry("besar", "big|adj"),
            Map.entry("anak", "child|n"),
            Map.entry("rumah", "house|n"),
            Map.entry("lari", "run|v"),
            Map.entry("kerja", "work|v"),
            Map.entry("ajar", "teach|v"),
            Map.entry("kuat", "strong|adj"),
            Map.entry("benar", "true|adj"),
            Map.entry("berita", "|")))); // a known stem without a rendering

    @Test
    void undoesTheSoundChangesOfMeN() {
        assertThat(morphology.analyse("menulis").lemma()).isEqualTo("tulis");
        assertThat(morphology.analyse("memukul").lemma()).isEqualTo("pukul");
        assertThat(morphology.analyse("memakan").lemma()).isEqualTo("makan");
        assertThat(morphology.analyse("mengirim").lemma()).isEqualTo("kirim");
        assertThat(morphology.analyse("mengambil").lemma()).isEqualTo("ambil");
        assertThat(morphology.analyse("menyapu").lemma()).isEqualTo("sapu");
    }

    @Test
    void stripsSuffixesAndConfixes() {
        Morphology.Analysis given = morphology.analyse("memberikan");
        assertThat(given.lemma()).isEqualTo("beri");
        assertThat(given.suffix()).isEqualTo("kan");

        assertThat(morphology.analyse("pembangunan").lemma()).isEqualTo("bangun");
        assertThat(morphology.analyse("kebenaran").lemma()).isEqualTo("benar");
        assertThat(morphology.analyse("memperkuat").lemma()).isEqualTo("kuat");
        assertThat(morphology.analyse("bekerja").lemma()).isEqualTo("kerja");
        assertThat(morphology.analyse("belajar").lemma()).isEqualTo("ajar");
    }

    @Test
    void prefersTheReadingWithFewerAffixes() {
        // di-beri-kan (give), not di-ber-ikan (fish)
        assertThat(morphology.analyse("diberikan").lemma()).isEqualTo("beri");
    }

    @Test
    void diPassiveGivesAPastParticiple() {
        Morphology.Analysis built = morphology.analyse("dibangun");
        assertThat(built.passive()).isTrue();
        assertThat(built.english()).isEqualTo("built");
        assertThat(morphology.analyse("dikirim").english()).isEqualTo("sent");
    }

    @Test
    void terOnAnAdjectiveIsASuperlative() {
        assertThat(morphology.analyse("terbesar").english()).isEqualTo("biggest");
        assertThat(morphology.analyse("terkuat").english()).isEqualTo("strongest");
    }

    @Test
    void clitiksAndParticlesAreStrippedAndRecorded() {
        Morphology.Analysis hisHouse = morphology.analyse("rumahnya");
        assertThat(hisHouse.lemma()).isEqualTo("rumah");
        assertThat(hisHouse.possessive()).isEqualTo("nya");
        assertThat(morphology.analyse("tulislah").lemma()).isEqualTo("tulis");
    }

    @Test
    void fullReduplicationOfANounIsAPlural() {
        assertThat(morphology.analyse("anak-anak").english()).isEqualTo("children");
        assertThat(morphology.analyse("rumah-rumah").english()).isEqualTo("houses");
        Morphology.Analysis theirChildren = morphology.analyse("anak-anaknya");
        assertThat(theirChildren.english()).isEqualTo("children");
        assertThat(theirChildren.possessive()).isEqualTo("nya");
    }

    @Test
    void reduplicatedVerbKeepsItsMeaning() {
        Morphology.Analysis running = morphology.analyse("berlari-lari");
        assertThat(running.lemma()).isEqualTo("lari");
        assertThat(running.english()).isEqualTo("run");
    }

    @Test
    void wordWithoutALexiconStemIsNotTakenApart() {
        // "mendaftar" would need the stem "daftar", which this lexicon lacks: no guess is made.
        assertThat(morphology.analyse("mendaftar")).isNull();
        // "berita" is a known word of its own; "ber-ita" must not be tried.
        assertThat(morphology.analyse("berita")).isNull();
    }

    @Test
    void bundledLexiconHasAtLeastTenThousandTranslatedLemmasAndAnalysesCommonNewsVerbs() {
        Lexicon bundled = Lexicon.bundled();
        // Lemmas with an English rendering, single words and multi-word lemmas (rumah sakit) together.
        assertThat(bundled.translatedWords() + bundled.translatedPhrases()).isGreaterThanOrEqualTo(10_000);
        assertThat(bundled.translatedWords()).isGreaterThanOrEqualTo(8_500);
        Morphology real = new Morphology(bundled);
        assertThat(real.analyse("mempersoalkan").lemma()).isEqualTo("soal");
        assertThat(real.analyse("dibelikan").english()).isEqualTo("bought");
        assertThat(real.analyse("pembangunannya").possessive()).isEqualTo("nya");
    }
}
