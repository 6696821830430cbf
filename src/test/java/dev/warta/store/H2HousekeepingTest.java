package dev.warta.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the housekeeping is for: with {@code WRITE_DELAY=0} H2 never compacts by itself, so a file whose chunks are
 * mostly dead rows stays that way. The housekeeping must bring such a file's chunks back to at least half live data,
 * and then leave them alone (rewriting live data costs processor time and writes for nothing). H2's 45-second
 * retention is set to 0 here so that the chunks can be rewritten at once.
 */
class H2HousekeepingTest {

    @TempDir
    Path work;

    @Test
    void aFileOfMostlyDeadRowsIsCompactedAndThenLeftAlone() throws Exception {
        String url = H2FileSettings.complete("jdbc:h2:file:" + work.resolve("warta") + ";RETENTION_TIME=0");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE answer (id INT PRIMARY KEY, body CHARACTER VARYING NOT NULL)");
            String body = "kept answer ".repeat(400);
            for (int id = 0; id < 400; id++) {
                jdbc.update("INSERT INTO answer VALUES (?, ?)", id, body + id);   // one commit each, as the call log
            }
            jdbc.update("DELETE FROM answer WHERE MOD(id, 5) <> 0");
            housekeeping.start();
            long sparse = info(jdbc, "CHUNKS_FILL_RATE");
            compactRounds(housekeeping, jdbc);
            long compacted = info(jdbc, "CHUNKS_FILL_RATE");
            long writtenBefore = info(jdbc, "FILE_WRITE_BYTES");
            long withoutRounds = compactRounds(housekeeping, jdbc);
            long written = info(jdbc, "FILE_WRITE_BYTES") - writtenBefore - 2 * withoutRounds;
            assertThat(sparse).as("the file after four in five rows were deleted").isLessThan(40);
            assertThat(compacted).as("the same file after the housekeeping's rounds (was %d %%)", sparse)
                    .isGreaterThanOrEqualTo(50);
            assertThat(written).as("bytes the rounds wrote once the file was compacted").isLessThan(256 * 1024);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM answer WHERE body LIKE 'kept answer %'",
                    Integer.class)).isEqualTo(80);
        } finally {
            housekeeping.stop();
            dataSource.destroy();
        }
    }

    /**
     * Rounds as the scheduler runs them, each followed by a small commit (which writes what the round rewrote);
     * returns what such commits write without the rounds (measured by doing them once more alone).
     */
    private static long compactRounds(H2Housekeeping housekeeping, JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS tick (n INT)");
        for (int round = 0; round < 30; round++) {
            housekeeping.compactRound();
            jdbc.update("INSERT INTO tick VALUES (?)", round);
        }
        long before = info(jdbc, "FILE_WRITE_BYTES");
        for (int round = 0; round < 30; round++) {
            jdbc.update("INSERT INTO tick VALUES (?)", round);
        }
        return info(jdbc, "FILE_WRITE_BYTES") - before;
    }

    private static long info(JdbcTemplate jdbc, String name) {
        return Long.parseLong(jdbc.queryForObject(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?", String.class,
                "info." + name));
    }
}
