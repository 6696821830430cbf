package dev.warta.export;

import dev.warta.testing.TestDatabase;

import java.nio.file.Path;

/** Every test of {@link ExportTest}, against a real PostgreSQL that the tests start themselves. */
class ExportOnPostgresTest extends ExportTest {

    @Override
    TestDatabase database(Path work) {
        return TestDatabase.postgres();
    }
}
