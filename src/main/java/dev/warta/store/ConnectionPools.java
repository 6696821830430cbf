package dev.warta.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * For a process that lost its database and is about to stop: with the database out of reach, every statement still
 * to come (the calls in flight, the chunk's rollback, the step's and the job's end) waits the pool's whole connection
 * timeout in turn, minutes in all. Closing the pool makes them fail at once, so the process can say so and exit.
 */
public final class ConnectionPools {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPools.class);

    private ConnectionPools() {
    }

    /** Closes the pool behind {@code dataSource} (HikariCP's, or any pool that can be closed). */
    public static void closeAtOnce(DataSource dataSource) {
        if (dataSource instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                log.warn("Closing the database pool failed: {}", e.toString());
            }
        }
    }
}
