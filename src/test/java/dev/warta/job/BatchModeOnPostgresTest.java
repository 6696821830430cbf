package dev.warta.job;

import dev.warta.testing.TestDatabase;

import java.nio.file.Path;

/** Every test of {@link BatchModeTest}, against a real PostgreSQL that the tests start themselves (the V6 table). */
class BatchModeOnPostgresTest extends BatchModeTest {

    @Override
    TestDatabase database(Path work) {
        return TestDatabase.postgres();
    }
}
