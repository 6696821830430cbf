package dev.warta.store;

import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the schema when several processes start at once on a new database: a scale-out manager and its workers
 * started together (docs/scale-out.md). Flyway serialises migrations with a lock, but the first process to create
 * the history table leaves it empty for a moment, and a second one that baselines then fails. That second one
 * waits and tries again; the schema is then the first one's.
 */
@Configuration
class ConcurrentMigration {

    private static final int ATTEMPTS = 10;

    @Bean
    FlywayMigrationStrategy migrateAlongsideOtherProcesses() {
        return flyway -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    flyway.migrate();
                    return;
                } catch (FlywayException e) {
                    if (attempt == ATTEMPTS || e.getMessage() == null || !e.getMessage().contains("already exists")) {
                        throw e;
                    }
                    try {
                        Thread.sleep(500L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        };
    }
}
