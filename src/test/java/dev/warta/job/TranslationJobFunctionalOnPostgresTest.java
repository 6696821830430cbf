package dev.warta.job;

import dev.warta.testing.TestDatabase;

import java.nio.file.Path;

/** Every test of {@link TranslationJobFunctionalTest}, against a real PostgreSQL that the tests start themselves. */
class TranslationJobFunctionalOnPostgresTest extends TranslationJobFunctionalTest {

    @Override
    TestDatabase database(Path work) {
        return TestDatabase.postgres();
    }
}
