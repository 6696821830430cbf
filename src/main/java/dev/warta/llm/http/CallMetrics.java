package dev.warta.llm.http;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the model endpoint cost us in calls and time, counted by every thread that uses it.
 * <p>
 * {@code calls} counts HTTP requests sent (retries included), {@code retries} the requests that repeated an earlier
 * one, {@code failures} the calls that ended in an error after reaching the network (a call refused by an open
 * circuit is not a failure here: it sent nothing). Latency is that of the HTTP request that succeeded, so our own
 * rate-limit waits and backoffs do not hide the provider's speed.
 * <p>
 * Latencies are kept in a fixed-size reservoir (Vitter's algorithm R): exact percentiles up to
 * {@value #RESERVOIR_SIZE} calls, an unbiased sample beyond, and memory that does not grow with the run.
 */
public final class CallMetrics {

    static final int RESERVOIR_SIZE = 10_000;

    private final LongAdder calls = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final long[] latencies = new long[RESERVOIR_SIZE];
    private long latenciesSeen;

    /** The figures so far. */
    public record Snapshot(long calls, long retries, long failures, long p50Millis, long p95Millis,
                           long promptTokens, long completionTokens) {

        public long totalTokens() {
            return promptTokens + completionTokens;
        }
    }

    void recordRequest(boolean retry) {
        calls.increment();
        if (retry) {
            retries.increment();
        }
    }

    /** Tokens of an answer that was paid for (an answer served from the kept answers costs nothing). */
    void recordPaidTokens(long prompt, long completion) {
        promptTokens.add(prompt);
        completionTokens.add(completion);
    }

    void recordFailure() {
        failures.increment();
    }

    void recordLatency(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latency must not be negative, was " + millis);
        }
        synchronized (latencies) {
            latenciesSeen++;
            if (latenciesSeen <= RESERVOIR_SIZE) {
                latencies[(int) (latenciesSeen - 1)] = millis;
            } else {
                long slot = ThreadLocalRandom.current().nextLong(latenciesSeen);
                if (slot < RESERVOIR_SIZE) {
                    latencies[(int) slot] = millis;
                }
            }
        }
    }

    public Snapshot snapshot() {
        long[] sorted;
        synchronized (latencies) {
            sorted = Arrays.copyOf(latencies, (int) Math.min(latenciesSeen, RESERVOIR_SIZE));
        }
        Arrays.sort(sorted);
        return new Snapshot(calls.sum(), retries.sum(), failures.sum(), percentile(sorted, 50), percentile(sorted, 95),
                promptTokens.sum(), completionTokens.sum());
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it; 0 if none. */
    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
