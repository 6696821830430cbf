package dev.warta.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Compacts an embedded H2 file while Warta works on it.
 *
 * <p>H2 appends every commit to its file as a new chunk, and normally a background writer rewrites the live pages of
 * half-empty chunks so that their space can be used again. {@code WRITE_DELAY=0} (see {@link H2FileSettings}) is what
 * makes a commit survive {@code kill -9}, and it also turns that writer off: without this class a 20,000-article night
 * left a 3 GB file holding 78 MB of data, and reopening it took a minute and a half. This does the writer's
 * compaction on a thread of its own, a quarter of a megabyte at a time, and only when the file is less than
 * half live data.
 *
 * <p>Nothing happens for PostgreSQL, for a remote H2 (server or {@code AUTO_SERVER} mode), or for an in-memory one.
 */
@Component
class H2Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    /**
     * Rounds start only when the file's chunks hold less live data than this. It was 90 % (the default of H2's own
     * background writer's setting); here that fired on nearly every round, because the chunks a fast run freed in
     * the last 45 seconds (H2's retention time) count as empty until they are reused, and each round then rewrote
     * chunks that were nearly full: 30 % of the bytes the job wrote, for a file that was not smaller
     * (docs/benchmarks.md, "fourth round").
     */
    private static final int TARGET_FILL_RATE_PERCENT = 50;
    /**
     * At most this much live data is rewritten per round. H2 picks the emptiest and oldest chunks first, so a small
     * round frees the most space per byte written; the rewritten pages go out with the next commit of whichever
     * thread commits, so a large round would also delay that commit.
     */
    private static final int MAX_BYTES_PER_ROUND = 256 * 1024;
    private static final long ROUND_INTERVAL_MILLIS = 1_000;

    private final DataSource dataSource;
    private volatile ScheduledExecutorService rounds;
    private volatile MVStore store;
    private volatile boolean failed;

    H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        store = embeddedFileStore();
        if (store == null) {
            return;
        }
        rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::compactRound, ROUND_INTERVAL_MILLIS, ROUND_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * One round: rewrite the live pages of the emptiest chunks. The rewritten pages go out with the next commit;
     * the chunks they leave are reused once H2's retention time has passed.
     */
    void compactRound() {
        MVStore current = store;
        if (current == null || current.isClosed() || failed) {
            return;
        }
        try {
            current.compact(TARGET_FILL_RATE_PERCENT, MAX_BYTES_PER_ROUND);
        } catch (RuntimeException e) {
            // compaction is an optimisation: the data stays correct without it, so one warning and no more tries
            failed = true;
            log.warn("H2 compaction stopped, the database file may grow large: {}", e.toString());
        }
    }

    private MVStore embeddedFileStore() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !connection.getMetaData().getURL().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:")) {
                return null;
            }
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().isPersistent() && session.getDatabase().getStore() != null) {
                MVStore mvStore = session.getDatabase().getStore().getMvStore();
                return mvStore.getFileStore() == null ? null : mvStore;
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            log.debug("no H2 housekeeping: {}", e.toString());
            return null;
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = rounds;
        if (current != null) {
            // no interrupt: an interrupted H2 file operation closes the database
            current.shutdown();
            try {
                current.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rounds = null;
        }
        store = null;
    }

    @Override
    public boolean isRunning() {
        return rounds != null;
    }
}
