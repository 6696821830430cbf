package dev.warta.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps two runs from writing to the same database at once, also from different hosts.
 * <ul>
 *   <li>On PostgreSQL the lock is a session-level advisory lock held on a connection of its own for the whole run:
 *   the database itself guarantees that one session holds it, and releases it when the holder's session ends
 *   (a killed process, a lost host).</li>
 *   <li>On H2 (one process per file unless the operator turns on H2's auto server) it is the {@code warta_lock}
 *   row: the holder's random token, process, host and a heartbeat. A later run takes it over only when the
 *   holder is gone: its process no longer exists (same host), or its heartbeat is older than
 *   {@link #STALE_AFTER} (another host).</li>
 * </ul>
 * Either way the row names the holder for the operator. A holder that can no longer prove it holds the lock (the
 * advisory lock's connection died and another run has taken the lock since; the heartbeat could not be written for
 * {@link #LOST_AFTER}, or another run took the row) is told so by {@link #stillHeld()} and must stop writing.
 */
@Repository
public class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    /** Well inside {@link #STALE_AFTER}, so a holder gives up before another host may take over. */
    static final Duration LOST_AFTER = Duration.ofMinutes(1);
    /** The advisory lock's key: "WARTA" in ASCII, one lock per database. */
    private static final long ADVISORY_KEY = 0x5741525441L;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final long pid = ProcessHandle.current().pid();
    private final String host = hostName();
    private volatile String token;
    private volatile Connection advisoryConnection;
    private volatile Instant lastHeartbeat;
    /** Why the lock could not be taken back after its connection broke: the database did not answer. */
    private volatile String unreachable;

    public RunLock(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = Objects.requireNonNull(jdbc.getDataSource());
        this.dialect = dialect;
    }

    /**
     * Takes the lock for this process.
     *
     * @return empty when taken, otherwise who holds it, for the operator
     */
    public synchronized Optional<String> acquire(String owner) {
        unreachable = null;
        String newToken = UUID.randomUUID().toString();
        if (dialect == SqlDialect.POSTGRESQL) {
            if (!takeAdvisoryLock()) {
                return Optional.of(describe(jdbc.queryForMap("SELECT * FROM warta_lock WHERE name = 'run'")));
            }
            // the advisory lock is the guard; the row only tells operators who holds it
            writeHolder(owner, newToken);
            token = newToken;
            lastHeartbeat = Instant.now();
            return Optional.empty();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM warta_lock WHERE name = 'run'");
            Object holder = row.get("owner");
            if (holder != null && holderAlive(row)) {
                return Optional.of(describe(row));
            }
            Timestamp now = Timestamp.from(Instant.now());
            // Compare-and-set on the holder we saw, so two runs starting together cannot both win.
            int taken = jdbc.update("UPDATE warta_lock SET owner = ?, token = ?, pid = ?, host = ?, acquired_at = ?, "
                            + "heartbeat_at = ? WHERE name = 'run' AND " + (holder == null ? "owner IS NULL"
                            : "owner = ? AND COALESCE(token, '') = ? AND COALESCE(pid, -1) = ?"),
                    holder == null ? new Object[]{owner, newToken, pid, host, now, now}
                            : new Object[]{owner, newToken, pid, host, now, now, holder,
                            Objects.toString(row.get("token"), ""), pidOf(row) == null ? -1L : pidOf(row)});
            if (taken == 1) {
                token = newToken;
                lastHeartbeat = now.toInstant();
                return Optional.empty();
            }
        }
        return Optional.of("another run that is starting at this moment");
    }

    /**
     * Proves that this process still holds the lock, refreshing its heartbeat; called every few seconds while a
     * run writes. {@code false} means the run must stop: another run may be allowed to start.
     */
    public boolean stillHeld() {
        String held = token;
        if (held == null) {
            return false;
        }
        if (dialect == SqlDialect.POSTGRESQL) {
            try {
                if (advisoryConnection != null && advisoryConnection.isValid(5)) {
                    return true;
                }
            } catch (SQLException e) {
                // broken: see below
            }
            return takenBackAfterABlip(held);
        }
        try {
            int updated = jdbc.update("UPDATE warta_lock SET heartbeat_at = ? WHERE name = 'run' AND token = ?",
                    Timestamp.from(Instant.now()), held);
            if (updated == 0) {
                log.error("The run lock was taken over by another run");
                return false;
            }
            lastHeartbeat = Instant.now();
            return true;
        } catch (RuntimeException e) {
            log.warn("Cannot refresh the run lock's heartbeat: {}", e.getMessage());
            return Duration.between(lastHeartbeat, Instant.now()).compareTo(LOST_AFTER) < 0;
        }
    }

    /**
     * The advisory lock's session ended under the run: a database restart, a failover or a network blip, and the
     * database released the lock with it. If no other run has taken the lock since (it is free, and the row still
     * names this run), it is taken again on a fresh connection and the run goes on; otherwise the run must stop.
     */
    private synchronized boolean takenBackAfterABlip(String held) {
        Connection broken = advisoryConnection;
        advisoryConnection = null;
        if (broken != null) {
            try {
                broken.close();
            } catch (SQLException e) {
                // it is broken already
            }
        }
        // the blip most likely broke the pool's connections too, and the pool hands out one used in the last half
        // second without checking it
        ConnectionPools.evictIdle(dataSource);
        try {
            if (!takeAdvisoryLock()) {
                log.error("The run lock's connection broke and another run has taken the lock since");
                return false;
            }
            String named = jdbc.queryForObject("SELECT token FROM warta_lock WHERE name = 'run'", String.class);
            if (!held.equals(named)) {
                log.error("The run lock's connection broke and another run took the lock and released it since");
                unlock(advisoryConnection);
                advisoryConnection = null;
                return false;
            }
            log.warn("The run lock's database connection broke; no other run had taken the lock, so it is taken "
                    + "again and the run goes on");
            return true;
        } catch (RuntimeException e) {
            // the database did not answer within the pool's timeout: outOfReach() says so without waiting again
            unreachable = rootMessage(e);
            log.warn("The run lock's connection broke and the lock cannot be taken again: {}", unreachable);
            return false;
        }
    }

    /**
     * After the lock was lost: whether the database is out of reach altogether (no connection within the pool's
     * timeout), and why; empty when it answers (the lock's own connection broke, or another run took the lock over).
     */
    public Optional<String> outOfReach() {
        if (unreachable != null) {
            return Optional.of(unreachable);
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(5) ? Optional.empty() : Optional.of("no valid connection");
        } catch (SQLException e) {
            return Optional.of(rootMessage(e));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The run lost its database and stops: see {@link ConnectionPools}. */
    public void closePool() {
        ConnectionPools.closeAtOnce(dataSource);
    }

    public synchronized void release() {
        String held = token;
        token = null;
        if (held == null) {
            return;
        }
        try {
            jdbc.update("UPDATE warta_lock SET owner = NULL, token = NULL, pid = NULL, host = NULL, "
                    + "acquired_at = NULL, heartbeat_at = NULL WHERE name = 'run' AND token = ?", held);
        } catch (RuntimeException e) {
            log.warn("Cannot clear the run lock's row: {}", e.getMessage());
        }
        Connection connection = advisoryConnection;
        advisoryConnection = null;
        unlock(connection);
    }

    /** Gives the advisory lock up, then its connection back to the pool (whose session goes on). */
    private static void unlock(Connection advisory) {
        if (advisory != null) {
            try (advisory) {
                try (PreparedStatement statement = advisory.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    statement.setLong(1, ADVISORY_KEY);
                    statement.execute();
                }
            } catch (SQLException e) {
                // closing the session releases the lock as well
            }
        }
    }

    private boolean takeAdvisoryLock() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, ADVISORY_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        advisoryConnection = connection;
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        }
    }

    private void writeHolder(String owner, String newToken) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("UPDATE warta_lock SET owner = ?, token = ?, pid = ?, host = ?, acquired_at = ?, heartbeat_at = ? "
                + "WHERE name = 'run'", owner, newToken, pid, host, now, now);
    }

    private boolean holderAlive(Map<String, Object> row) {
        Long holderPid = pidOf(row);
        if (host.equals(row.get("host")) && holderPid != null) {
            // Our own pid in the row is an earlier process that had it (after a restart, in a container): gone.
            return holderPid != pid && ProcessHandle.of(holderPid).map(ProcessHandle::isAlive).orElse(false);
        }
        Object heartbeat = row.get("heartbeat_at");
        Instant last = heartbeat instanceof OffsetDateTime time ? time.toInstant()
                : heartbeat instanceof Timestamp stamp ? stamp.toInstant() : Instant.EPOCH;
        return Duration.between(last, Instant.now()).compareTo(STALE_AFTER) < 0;
    }

    private static Long pidOf(Map<String, Object> row) {
        return row.get("pid") instanceof Number number ? number.longValue() : null;
    }

    private static String describe(Map<String, Object> row) {
        return row.get("owner") + " (pid " + row.get("pid") + " on " + row.get("host") + ", started "
                + row.get("acquired_at") + ")";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
