package dev.warta.search;

import dev.warta.testing.TestDatabase;

import java.nio.file.Path;

/** Every test of {@link AnalystCommandsTest}, against a real PostgreSQL that the tests start themselves. */
class AnalystCommandsOnPostgresTest extends AnalystCommandsTest {

    @Override
    TestDatabase database(Path work) {
        return TestDatabase.postgres();
    }
}
