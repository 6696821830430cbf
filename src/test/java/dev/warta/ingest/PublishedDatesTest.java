package dev.warta.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "2024-11-05T10:15:00+07:00;2024-11-05T10:15:00+07:00",
            "2024-11-05T03:15:00Z;2024-11-05T03:15:00Z",
            "2016-02-16 09:20:00;2016-02-16T09:20:00",
            "2024/10/28 14:32:10;2024-10-28T14:32:10",
            "Senin, 15 Februari 2016, 16:15 WIB;2016-02-15T16:15:00+07:00",
            "Selasa, 02 Des 2015 | 14:27 WITA;2015-12-02T14:27:00+08:00",
            "Thu, 05 Nov 2015 03:12:42 GMT;2015-11-05T03:12:42Z",
            "5 November 2015;2015-11-05",
            "1730777700;2024-11-05T03:35:00Z",
            "1730777700000;2024-11-05T03:35:00Z"})
    void readsTheFormsNewsSitesUse(String raw, String iso) {
        assertThat(PublishedDates.normalise(raw)).isEqualTo(iso);
    }

    @ParameterizedTest
    @CsvSource({"kemarin sore", "'31 Februari 2024'", "''"})
    void givesNothingForTextThatIsNoDate(String raw) {
        assertThat(PublishedDates.normalise(raw)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Rabu, 4 November 2015 | 21:04 WIB",
            "Vania Ika Aldida | Jum'at, 17 Februari 2017 - 13:30 wib", "Kamis, 12 Maret 2026 - 10:15"})
    void aLineOfDateTimeAndBylineIsADateLine(String line) {
        assertThat(PublishedDates.isDateLine(line)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Gempa terjadi Senin, 5 Mei 2025 pukul 10:30 WIB.",
            "Rapat dimulai 12 Maret 2026 pukul 09.00 dan selesai sore hari", "Kamis, 12 Maret 2026",
            "Banjir merendam rumah warga"})
    void aSentenceThatMentionsADateIsNotADateLine(String line) {
        assertThat(PublishedDates.isDateLine(line)).isFalse();
    }
}
