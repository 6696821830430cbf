package dev.warta.job;

import dev.warta.testing.TestDatabase;

import java.nio.file.Path;

/** Every test of {@link NightlyRunTest}, against a real PostgreSQL that the tests start themselves. */
class NightlyRunOnPostgresTest extends NightlyRunTest {

    @Override
    TestDatabase database(Path work) {
        return TestDatabase.postgres();
    }
}
