package dev.warta.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

    @Test
    void splitsAtSentenceEndsFollowedByANewSentence() {
        assertThat(SentenceSplitter.split("Gempa terjadi pagi ini. Warga panik! Apakah ada korban? Belum diketahui."))
                .containsExactly("Gempa terjadi pagi ini.", "Warga panik!", "Apakah ada korban?", "Belum diketahui.");
    }

    @Test
    void numbersInIndonesianFormatAreNeverSplit() {
        assertThat(SentenceSplitter.split("Lebih dari 600.000 tentara tewas. Inflasi 3,5 persen pada 2025."))
                .containsExactly("Lebih dari 600.000 tentara tewas.", "Inflasi 3,5 persen pada 2025.");
    }

    @Test
    void abbreviationsAndInitialsDoNotEndASentence() {
        assertThat(SentenceSplitter.split("Dr. Siti dan Prof. Budi hadir di Jl. Sudirman bersama M. Rutte. Acara usai."))
                .containsExactly("Dr. Siti dan Prof. Budi hadir di Jl. Sudirman bersama M. Rutte.", "Acara usai.");
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertThat(SentenceSplitter.split("\"Kami siap,\" katanya. \"Ini ancaman bagi keamanan.\" Ia pergi."))
                .containsExactly("\"Kami siap,\" katanya.", "\"Ini ancaman bagi keamanan.\"", "Ia pergi.");
    }

    @Test
    void aLowerCaseContinuationIsNotANewSentence() {
        assertThat(SentenceSplitter.split("Harga naik 5 persen dst. menurut data BPS.")).hasSize(1);
        assertThat(SentenceSplitter.split("")).isEqualTo(List.of());
    }

    @Test
    void knowsTheAbbreviationsOfBothFormerSplitters() {
        // "Ny." and "Tn." (Mrs, Mr) were the offline engine's, "Kol." and "Tbk." the chunker's
        assertThat(SentenceSplitter.split("Ny. Sari dan Tn. Budi bertemu Kol. Andi di kantor PT Maju Tbk. kemarin. "
                + "Mereka membahas Acme Inc. dan rekanannya. Rapat usai."))
                .containsExactly("Ny. Sari dan Tn. Budi bertemu Kol. Andi di kantor PT Maju Tbk. kemarin.",
                        "Mereka membahas Acme Inc. dan rekanannya.", "Rapat usai.");
    }
}
