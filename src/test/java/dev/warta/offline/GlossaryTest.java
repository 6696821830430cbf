package dev.warta.offline;

import dev.warta.article.Glossary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlossaryTest {

    @TempDir
    Path dir;

    @Test
    void loadsTermsSkippingCommentsAndBlankLines() throws IOException {
        Path file = write("# institutions\n\nDPR\tHouse of Representatives (DPR)\nWali Kota\tMayor\n");

        Glossary glossary = Glossary.load(file);

        assertThat(glossary.entries()).containsExactly(
                Map.entry("DPR", "House of Representatives (DPR)"), Map.entry("Wali Kota", "Mayor"));
    }

    @Test
    void malformedLineIsReportedWithFileAndLineNumber() throws IOException {
        Path file = write("DPR\tHouse of Representatives\nBupati Regent\n");

        assertThatThrownBy(() -> Glossary.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("Bupati Regent");
    }

    @Test
    void termGivenTwiceIsAnError() throws IOException {
        Path file = write("KPK\tCorruption Eradication Commission\nKPK\tanti-graft agency\n");

        assertThatThrownBy(() -> Glossary.load(file)).hasMessageContaining("line 2").hasMessageContaining("twice");
    }

    @Test
    void termsInFindsWholeWordsLongestFirstAndAcronymsOnlyInCapitals() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("Presiden", "President");
        entries.put("Wakil Presiden", "Vice President");
        entries.put("BIN", "State Intelligence Agency (BIN)");
        entries.put("Polri", "Indonesian National Police");
        Glossary glossary = Glossary.of(entries);

        var terms = glossary.termsIn("Wakil presiden bertemu Ahmad bin Salim di markas POLRI.");

        // "bin" in a name is not the acronym BIN; "POLRI" matches "Polri" because Polri is not an acronym term.
        assertThat(terms).extracting(Map.Entry::getKey).containsExactly("Wakil Presiden", "Presiden", "Polri");
    }

    @Test
    void termInsideALongerWordDoesNotMatch() {
        Glossary glossary = Glossary.of(Map.of("DPR", "House of Representatives (DPR)"));

        assertThat(glossary.termsIn("Gedung DPRD Jawa Barat")).isEmpty();
        assertThat(glossary.termsIn("Gedung DPR, Senayan")).hasSize(1);
    }

    @Test
    void aPhraseIsFoundAcrossLineBreaksAndInAnyCaseButNotWhenItsWordsAreApart() {
        Glossary glossary = Glossary.of(Map.of("Wali Kota", "Mayor", "DPR-RI", "House of Representatives",
                "Kementerian Kesehatan", "Ministry of Health"));

        assertThat(glossary.termsIn("Kata WALI\n  kota Bandung kepada DPR-RI.")).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("Wali Kota", "DPR-RI");
        // every word of the phrase occurs, but not together; a hyphenated term is not its parts
        assertThat(glossary.termsIn("Kota itu punya wali baru, kata DPR dan RI.")).isEmpty();
        assertThat(glossary.termsIn("Kementerian-Kesehatan")).isEmpty();
        // the case-insensitive match treats the dotted capital İ as i, like the pattern does
        assertThat(glossary.termsIn("WALİ KOTA")).extracting(Map.Entry::getKey).containsExactly("Wali Kota");
    }

    @Test
    void aTermIsFoundAtAnyOccurrenceOfItsFirstWordNotOnlyTheFirst() {
        Glossary glossary = Glossary.of(Map.of("Wali Kota", "Mayor", "DPR", "House of Representatives (DPR)",
                "(Persero)", "(state-owned)"));

        // "wali" and "DPR" first occur where the term does not (a parent; part of DPR-RI), then where it does
        assertThat(glossary.termsIn("Seorang wali murid dan anggota DPR-RI bertemu Wali Kota Bogor di gedung DPR."))
                .extracting(Map.Entry::getKey).containsExactlyInAnyOrder("Wali Kota", "DPR");
        assertThat(glossary.termsIn("Seorang wali murid dan anggota DPR-RI bertemu wali kelas.")).isEmpty();
        // a term that begins with punctuation is looked for everywhere
        assertThat(glossary.termsIn("PT Pertamina (Persero) menaikkan harga.")).extracting(Map.Entry::getKey)
                .containsExactly("(Persero)");
    }

    @Test
    void emptyGlossaryFindsNothing() {
        assertThat(Glossary.empty().termsIn("DPR")).isEmpty();
        assertThat(Glossary.empty().entries()).isEmpty();
    }

    @Test
    void shippedStarterGlossaryLoadsAndCoversTheCommonInstitutions() {
        Glossary glossary = Glossary.load(Path.of("jobs", "glossary.tsv"));

        assertThat(glossary.entries()).hasSizeGreaterThanOrEqualTo(150)
                .containsEntry("Sekjen", "Secretary-General")
                .containsEntry("Polri", "Indonesian National Police")
                .containsEntry("Bupati", "Regent")
                .containsEntry("Wali Kota", "Mayor")
                .containsKeys("DPR", "KPK", "Kemenkeu", "TNI", "BI", "OJK");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("glossary.tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
