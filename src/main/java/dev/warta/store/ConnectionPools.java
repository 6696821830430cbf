package dev.warta.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The connection pool in database trouble. {@link #closeAtOnce}: for a process that lost its database and is about
 * to stop; with the database out of reach, every statement still to come (the calls in flight, the chunk's rollback,
 * the step's and the job's end) waits the pool's whole connection timeout in turn, minutes in all, and closing the
 * pool makes them fail at once. {@link #evictIdle}: for a blip (a restart, a failover), after which the pooled
 * connections are broken but fresh ones work.
 */
public final class ConnectionPools {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPools.class);

    private ConnectionPools() {
    }

    /**
     * Closes the idle connections of HikariCP's pool behind {@code dataSource} (and those in use once they are given
     * back), so the next statement gets a fresh one: after the database restarted or failed over, every connection
     * the pool held is broken. Other pools are left alone.
     */
    public static void evictIdle(DataSource dataSource) {
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
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
