package dev.warta.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps two runs from working on the same database at once. The holder's row in {@code warta_lock} names its
 * process and host and carries a heartbeat. A later run takes the lock over only when the holder is gone: its
 * process no longer exists (same host), or its heartbeat is older than {@link #STALE_AFTER} (another host). So a
 * run killed with {@code kill -9} never blocks the next one.
 */
@Repository
public class RunLock {

    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final long pid = ProcessHandle.current().pid();
    private final String host = hostName();

    public RunLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lock for this process.
     *
     * @return empty when taken, otherwise who holds it, for the operator
     */
    public Optional<String> acquire(String owner) {
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM warta_lock WHERE name = 'run'");
        Object holder = row.get("OWNER");
        if (holder != null && holderAlive(row)) {
            return Optional.of(holder + " (pid " + row.get("PID") + " on " + row.get("HOST") + ", started "
                    + row.get("ACQUIRED_AT") + ")");
        }
        Timestamp now = Timestamp.from(Instant.now());
        // Compare-and-set on the holder we saw, so two runs starting together cannot both win.
        int taken = holder == null
                ? jdbc.update("UPDATE warta_lock SET owner = ?, pid = ?, host = ?, acquired_at = ?, heartbeat_at = ? "
                + "WHERE name = 'run' AND owner IS NULL", owner, pid, host, now, now)
                : jdbc.update("UPDATE warta_lock SET owner = ?, pid = ?, host = ?, acquired_at = ?, heartbeat_at = ? "
                + "WHERE name = 'run' AND owner = ? AND pid = ?", owner, pid, host, now, now, holder, row.get("PID"));
        return taken == 1 ? Optional.empty() : acquire(owner);
    }

    public void heartbeat() {
        jdbc.update("UPDATE warta_lock SET heartbeat_at = ? WHERE name = 'run' AND pid = ? AND host = ?",
                Timestamp.from(Instant.now()), pid, host);
    }

    public void release() {
        jdbc.update("UPDATE warta_lock SET owner = NULL, pid = NULL, host = NULL, acquired_at = NULL, "
                + "heartbeat_at = NULL WHERE name = 'run' AND pid = ? AND host = ?", pid, host);
    }

    private boolean holderAlive(Map<String, Object> row) {
        Number holderPid = (Number) row.get("PID");
        if (host.equals(row.get("HOST")) && holderPid != null) {
            return ProcessHandle.of(holderPid.longValue()).map(ProcessHandle::isAlive).orElse(false);
        }
        Object heartbeat = row.get("HEARTBEAT_AT");
        Instant last = heartbeat instanceof java.time.OffsetDateTime time ? time.toInstant()
                : heartbeat instanceof Timestamp stamp ? stamp.toInstant() : Instant.EPOCH;
        return Duration.between(last, Instant.now()).compareTo(STALE_AFTER) < 0;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

}
