package dev.warta.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code warta.llm.batch-deadline}: a time of day is the next one after the first upload; a duration counts from it.
 */
class BatchDeadlineTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Test
    void aTimeOfDayIsTheNextOneAfterTheUpload() {
        Instant beforeDawn = ZonedDateTime.of(2025, 11, 20, 2, 30, 0, 0, JAKARTA).toInstant();
        Instant lateEvening = ZonedDateTime.of(2025, 11, 19, 23, 0, 0, 0, JAKARTA).toInstant();

        assertThat(deadline("06:00").batchDeadlineAfter(beforeDawn, JAKARTA))
                .isEqualTo(ZonedDateTime.of(2025, 11, 20, 6, 0, 0, 0, JAKARTA));
        assertThat(deadline("06:00").batchDeadlineAfter(lateEvening, JAKARTA))
                .isEqualTo(ZonedDateTime.of(2025, 11, 20, 6, 0, 0, 0, JAKARTA));
    }

    @Test
    void aDurationCountsFromTheUploadAndBlankMeansNone() {
        Instant upload = ZonedDateTime.of(2025, 11, 20, 2, 30, 0, 0, JAKARTA).toInstant();

        assertThat(deadline("4h").batchDeadlineAfter(upload, JAKARTA))
                .isEqualTo(ZonedDateTime.of(2025, 11, 20, 6, 30, 0, 0, JAKARTA));
        assertThat(deadline("").batchDeadlineAfter(upload, JAKARTA)).isNull();
    }

    @Test
    void somethingElseIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> deadline("dawn"))
                .hasMessageContaining("warta.llm.batch-deadline").hasMessageContaining("'dawn'");
    }

    private static LlmProperties deadline(String deadline) {
        return new LlmProperties(null, null, "gpt-4o-mini", 0.2, Duration.ofSeconds(10), 0, Duration.ofMillis(10),
                2000, 1, 0, 0, 5, Map.of(), false, "batch", deadline, "sync", "stop", Duration.ofSeconds(30));
    }
}
