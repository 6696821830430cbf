package dev.warta.llm.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Client-side pacing shared by every thread that calls the endpoint: requests per minute, tokens per minute, and
 * holds the provider asked for ({@code Retry-After}, an exhausted {@code x-ratelimit-*} window).
 * <p>
 * Each limit is a token bucket that may go into debt: a caller takes what it needs at once and then sleeps until the
 * debt would be repaid, outside the lock. Callers are thus served in the order they arrived, and a waiting caller
 * holds no lock. The request bucket holds one request, so calls are spaced evenly (120 per minute = one every
 * 500 ms) instead of bursting at the start of each minute, which providers also punish. The token bucket holds a
 * minute's worth of tokens.
 */
final class RateLimiter {

    private final Bucket requests;
    private final Bucket tokens;
    private long heldUntilNanos;
    /** Set when several processes share the endpoint's limits: then they hold, not this process's buckets. */
    private final SharedLimits shared;

    RateLimiter(int requestsPerMinute, int tokensPerMinute) {
        this(requestsPerMinute, tokensPerMinute, null);
    }

    /** With {@code shared} limits (not null), this limiter only waits as they say. */
    RateLimiter(int requestsPerMinute, int tokensPerMinute, SharedLimits shared) {
        this.shared = shared;
        if (shared != null) {
            requestsPerMinute = 0;
            tokensPerMinute = 0;
        }
        long now = System.nanoTime();
        this.requests = requestsPerMinute > 0 ? new Bucket(1, requestsPerMinute, now) : null;
        this.tokens = tokensPerMinute > 0 ? new Bucket(tokensPerMinute, tokensPerMinute, now) : null;
        this.heldUntilNanos = now;
    }

    boolean limitsTokens() {
        return tokens != null || (shared != null && shared.limitsTokens());
    }

    /** Blocks until one request carrying about {@code estimatedTokens} tokens may be sent. */
    void acquire(long estimatedTokens) throws InterruptedException {
        if (shared != null) {
            sleepNanos(shared.reserve(estimatedTokens).toNanos());
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            waitNanos = Math.max(requests == null ? 0 : requests.take(1, now),
                    tokens == null ? 0 : tokens.take(estimatedTokens, now));
        }
        sleepNanos(waitNanos);
        // A hold may have been set (or extended) by another thread's response while we waited.
        while (true) {
            long heldFor;
            synchronized (this) {
                heldFor = heldUntilNanos - System.nanoTime();
            }
            if (heldFor <= 0) {
                return;
            }
            sleepNanos(heldFor);
        }
    }

    /** Holds every call not yet sent for {@code duration} from now (never shortens an existing hold). */
    synchronized void holdFor(Duration duration) {
        if (shared != null) {
            shared.hold(duration);
            return;
        }
        long until = System.nanoTime() + duration.toNanos();
        if (until - heldUntilNanos > 0) {
            heldUntilNanos = until;
        }
    }

    /** Replaces a request's estimated tokens by what the provider reported it used. */
    synchronized void correctTokens(long estimated, long actual) {
        if (shared != null && actual >= 0) {
            shared.correctTokens(estimated, actual);
            return;
        }
        if (tokens != null && actual >= 0) {
            tokens.give(estimated - actual, System.nanoTime());
        }
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    /** A token bucket whose level may go below zero; not thread-safe, guarded by the limiter. */
    private static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double level;
        private long lastNanos;

        Bucket(double capacity, int perMinute, long now) {
            this.capacity = capacity;
            this.perNano = perMinute / 60e9;
            this.level = capacity;
            this.lastNanos = now;
        }

        /** Takes {@code amount} (at most the capacity, so one oversized request waits no more than a window). */
        long take(double amount, long now) {
            refill(now);
            level -= Math.min(amount, capacity);
            return level >= 0 ? 0 : (long) Math.ceil(-level / perNano);
        }

        void give(double amount, long now) {
            refill(now);
            level = Math.min(capacity, level + amount);
        }

        private void refill(long now) {
            level = Math.min(capacity, level + (now - lastNanos) * perNano);
            lastNanos = now;
        }
    }
}
