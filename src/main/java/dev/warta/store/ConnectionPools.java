package dev.warta.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * The connection pool in database trouble. {@link #closeAtOnce}: for a process that lost its database and is about
 * to stop; with the database out of reach, every statement still to come (the calls in flight, the chunk's rollback,
 * the step's and the job's end) waits the pool's whole connection timeout in turn, minutes in all, and closing the
 * pool makes them fail at once. {@link #evictIdle} and {@link #onAWorkingConnection}: for a blip (a restart, a
 * failover), after which the pooled connections are broken but fresh ones work.
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

    /**
     * Runs a statement that may safely run twice (an update to the same values). If it fails on a pooled connection
     * that a blip broke, the pool's idle connections are evicted and it runs once more, on a fresh connection: the
     * pool hands out a connection used in the last half second without checking it, and after a blip every one it
     * holds is broken, so a single retry would most likely meet the next broken one. A failure to get a connection at
     * all (the database out of reach for the pool's whole connection timeout), or on the fresh connection, is thrown.
     */
    public static <T> T onAWorkingConnection(DataSource dataSource, Supplier<T> idempotentStatement) {
        try {
            return idempotentStatement.get();
        } catch (CannotGetJdbcConnectionException noConnection) {
            throw noConnection;
        } catch (DataAccessResourceFailureException broken) {
            log.info("A statement met a broken database connection ({}); trying it once more on a fresh one",
                    broken.getMostSpecificCause().toString());
            evictIdle(dataSource);
            return idempotentStatement.get();
        }
    }

    /**
     * Whether {@code failure} came from a database connection that broke under it (a blip, a restart, a failover),
     * not from a statement the database refused: an I/O error or a closed connection (SQLSTATE class 08; HikariCP's
     * "Connection is closed", which carries none), anywhere in its causes, or in the failure that a rollback's own
     * failure hid (a transaction on a broken connection cannot be rolled back either).
     */
    public static boolean brokeAConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                    ? sql.getSQLState().startsWith("08") : "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
            if (cause instanceof org.springframework.transaction.TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && brokeAConnection(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
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
