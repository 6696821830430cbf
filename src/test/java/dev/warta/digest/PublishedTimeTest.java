package dev.warta.digest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedTimeTest {

    @Test
    void keepsTheSourceOffsetForDisplayAndSortsByInstant() {
        PublishedTime time = PublishedTime.parse("2026-11-26T10:15:00+07:00");

        assertThat(time.display()).isEqualTo("2026-11-26 10:15 +07:00");
        assertThat(time.machine()).isEqualTo("2026-11-26T10:15+07:00");
        assertThat(time.sortKey()).contains(Instant.parse("2026-11-26T03:15:00Z"));
    }

    @Test
    void acceptsLocalTimesAndBareDates() {
        assertThat(PublishedTime.parse("2026-11-26T10:15:00").display()).isEqualTo("2026-11-26 10:15");
        assertThat(PublishedTime.parse("2026-11-26").display()).isEqualTo("2026-11-26");
    }

    @Test
    void showsUnparseableTextAsItIsWithoutAMachineValue() {
        PublishedTime time = PublishedTime.parse("Kamis, 26 November 2026");

        assertThat(time.display()).isEqualTo("Kamis, 26 November 2026");
        assertThat(time.machine()).isNull();
        assertThat(time.sortKey()).isEmpty();
    }

    @Test
    void blankIsUnknown() {
        assertThat(PublishedTime.parse(" ").known()).isFalse();
        assertThat(PublishedTime.parse(null).known()).isFalse();
    }
}
