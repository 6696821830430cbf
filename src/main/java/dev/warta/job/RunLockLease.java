package dev.warta.job;

import dev.warta.store.RunLock;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run lock held for one run: taken at the start, proven every few seconds while the run writes, released at
 * the end. When the lock can no longer be proven (the database connection that holds it died, or its heartbeat
 * could not be written), the run is stopped rather than let two runs write at once.
 */
final class RunLockLease implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private final RunLock lock;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean closed;

    private RunLockLease(RunLock lock, RunControl control) {
        this.lock = lock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warta-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(() -> {
            if (!closed && !lock.stillHeld()) {
                Optional<String> outOfReach = lock.outOfReach();
                if (outOfReach.isPresent()) {
                    control.stopForLostDatabase(outOfReach.get());
                    lock.closePool();   // the process exits after the run: see WartaRunner
                } else {
                    control.requestStop("lost the run lock (database connection or heartbeat failed); another run "
                            + "may take over");
                }
                heartbeat.shutdown();
            }
        }, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @throws HeldElsewhere naming the holder when another run holds the lock */
    static RunLockLease take(RunLock lock, RunControl control, String owner) {
        Optional<String> holder = lock.acquire(owner);
        if (holder.isPresent()) {
            throw new HeldElsewhere(holder.get());
        }
        return new RunLockLease(lock, control);
    }

    /** Another run holds the lock; the message names it for the operator. */
    static final class HeldElsewhere extends RuntimeException {
        HeldElsewhere(String holder) {
            super(holder);
        }
    }

    @Override
    public void close() {
        closed = true;
        // no interrupt: a thread interrupted inside an H2 write closes the database file
        heartbeat.shutdown();
        try {
            heartbeat.awaitTermination(CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.release();
    }
}
