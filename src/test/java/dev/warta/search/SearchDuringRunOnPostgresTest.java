package dev.warta.search;

import dev.warta.testing.TestDatabase;

import java.nio.file.Path;

/** {@link SearchDuringRunTest} against a real PostgreSQL that the tests start themselves. */
class SearchDuringRunOnPostgresTest extends SearchDuringRunTest {

    @Override
    TestDatabase database(Path work) {
        return TestDatabase.postgres();
    }
}
