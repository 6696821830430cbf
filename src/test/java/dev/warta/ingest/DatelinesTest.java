package dev.warta.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatelinesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "JAKARTA, KOMPAS.com - Harga naik.|Jakarta|Harga naik.",
            "LOS ANGELES, KOMPAS.com -- Harga naik.|Los Angeles|Harga naik.",
            "TEMPO.CO, Jakarta - Harga naik.|Jakarta|Harga naik.",
            "Mataram, NTB (ANTARA News) - Harga naik.|Mataram|Harga naik.",
            "Jakarta (ANTARA) - Harga naik.|Jakarta|Harga naik.",
            "TIMESINDONESIA, JAKARTA – Harga naik.|Jakarta|Harga naik.",
            "REPUBLIKA.CO.ID, JAKARTA -- Harga naik.|Jakarta|Harga naik.",
            "Jakarta, CNN Indonesia -- Harga naik.|Jakarta|Harga naik.",
            "Jakarta - Harga naik.|Jakarta|Harga naik.",
            "Liputan6.com, Jakarta - - Harga naik.|Jakarta|Harga naik.",
            "TRIBUNNEWS.COM, GARUT - Harga naik.|Garut|Harga naik.",
            "JAKARTA - Harga naik.|Jakarta|Harga naik."})
    void takesTheCityAndStripsTheDateline(String paragraph, String city, String rest) {
        Datelines.Found found = Datelines.find(paragraph);

        assertThat(found).isNotNull();
        assertThat(found.city()).isEqualTo(city);
        assertThat(found.rest()).isEqualTo(rest);
    }

    @ParameterizedTest
    @CsvSource({"'VIVA – Harga naik.'", "'Suara.com - Harga naik.'"})
    void stripsADatelineThatNamesOnlyTheOutlet(String paragraph) {
        Datelines.Found found = Datelines.find(paragraph);

        assertThat(found).isNotNull();
        assertThat(found.city()).isNull();
        assertThat(found.rest()).isEqualTo("Harga naik.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Harga cabai di Jakarta naik - kata pedagang.",
            "\"Kami siap,\" kata Budi - ketua panitia.",
            "Menurut data BPS, inflasi turun."})
    void leavesParagraphsWithoutADatelineAlone(String paragraph) {
        assertThat(Datelines.find(paragraph)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Jakarta -|Jakarta", "LHOKSEUMAWE, KOMPAS.com –|Lhokseumawe",
            "Mataram, NTB (ANTARA News) -|Mataram"})
    void recognisesADatelineThatIsAParagraphOfItsOwn(String paragraph, String city) {
        Datelines.Found found = Datelines.alone(paragraph);

        assertThat(found).isNotNull();
        assertThat(found.city()).isEqualTo(city);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Jakarta - Harga naik.", "Jakarta", "Harga naik -"})
    void aParagraphWithMoreThanADatelineIsNotADatelineAlone(String paragraph) {
        assertThat(Datelines.alone(paragraph)).isNull();
    }
}
