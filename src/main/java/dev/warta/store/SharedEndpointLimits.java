package dev.warta.store;

import dev.warta.llm.http.SharedLimits;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link SharedLimits} in the {@code warta_endpoint_limit} table (PostgreSQL): one row per endpoint (base URL and
 * model) holding a request bucket and a token bucket that may go into debt, as the in-process limiter does, plus
 * the provider's hold, the run's circuit verdict and its count of consecutive failed calls. Every reservation is a
 * single {@code UPDATE … RETURNING}: the row is locked for that statement only, never while a caller waits, and the
 * database's clock is the one clock.
 */
public final class SharedEndpointLimits implements SharedLimits {

    /** How long a process trusts what it last read of the circuit verdict: one query per interval, not per call. */
    private static final long VERDICT_FOR_NANOS = Duration.ofSeconds(2).toNanos();

    private final JdbcTemplate jdbc;
    private final String endpoint;
    private final double requestsPerSecond;
    private final double tokensPerSecond;
    private final double tokenCapacity;
    private static final long HOLD_FOR_NANOS = Duration.ofSeconds(1).toNanos();
    private volatile long runId;
    private volatile long holdReadAt = System.nanoTime() - HOLD_FOR_NANOS;
    private volatile long heldUntilNanos;
    private volatile Optional<String> verdict = Optional.empty();
    private volatile long verdictReadAt = System.nanoTime() - VERDICT_FOR_NANOS;
    /**
     * The run's count of consecutive failed calls as this process last saw it (its own failures, or the verdict's
     * read every two seconds): a success resets the shared count only when this is non-zero.
     */
    private volatile int knownFailures;

    /**
     * @param endpoint          the endpoint's name: base URL and model (the provider's limits are per key and model)
     * @param requestsPerMinute 0 for no limit
     * @param tokensPerMinute   0 for no limit
     */
    public SharedEndpointLimits(JdbcTemplate jdbc, String endpoint, int requestsPerMinute, int tokensPerMinute) {
        this.jdbc = jdbc;
        this.endpoint = endpoint.length() > 600 ? endpoint.substring(0, 600) : endpoint;
        this.requestsPerSecond = requestsPerMinute / 60.0;
        this.tokensPerSecond = tokensPerMinute / 60.0;
        this.tokenCapacity = tokensPerMinute;
        jdbc.update("""
                INSERT INTO warta_endpoint_limit (endpoint, request_level, token_level, refilled_at)
                VALUES (?, 1, ?, now()) ON CONFLICT (endpoint) DO NOTHING""", this.endpoint, tokenCapacity);
    }

    /** The run whose circuit verdict this process reads and writes. */
    public void belongTo(long runId) {
        this.runId = runId;
        this.knownFailures = 0;
        this.verdictReadAt = System.nanoTime() - VERDICT_FOR_NANOS;
    }

    @Override
    public Duration reserve(long estimatedTokens) {
        boolean limitRequests = requestsPerSecond > 0;
        boolean limitTokens = tokensPerSecond > 0;
        if (!limitRequests && !limitTokens) {
            return heldFor();
        }
        long tokens = limitTokens ? (long) Math.min(estimatedTokens, tokenCapacity) : 0;
        List<double[]> levels = jdbc.query("""
                UPDATE warta_endpoint_limit SET
                    request_level = LEAST(1, request_level + EXTRACT(EPOCH FROM now() - refilled_at) * ?) - ?,
                    token_level = LEAST(?, token_level + EXTRACT(EPOCH FROM now() - refilled_at) * ?) - ?,
                    refilled_at = now()
                WHERE endpoint = ?
                RETURNING request_level, token_level,
                    GREATEST(0, COALESCE(EXTRACT(EPOCH FROM held_until - now()), 0)) AS held_seconds""",
                (rs, row) -> new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)},
                requestsPerSecond, limitRequests ? 1 : 0, tokenCapacity, tokensPerSecond, tokens, endpoint);
        if (levels.isEmpty()) {
            return Duration.ZERO;
        }
        double[] level = levels.get(0);
        double wait = level[2];
        if (limitRequests && level[0] < 0) {
            wait = Math.max(wait, -level[0] / requestsPerSecond);
        }
        if (limitTokens && level[1] < 0) {
            wait = Math.max(wait, -level[1] / tokensPerSecond);
        }
        return Duration.ofNanos((long) (wait * 1e9));
    }

    /**
     * With no rate limit set only a provider's hold can make a call wait: read at most once a second instead of a
     * statement per call, which would make every call of every process queue for the one row.
     */
    private Duration heldFor() {
        long now = System.nanoTime();
        if (now - holdReadAt >= HOLD_FOR_NANOS) {
            Double seconds = jdbc.queryForObject("SELECT GREATEST(0, COALESCE(EXTRACT(EPOCH FROM held_until - now()), "
                    + "0)) FROM warta_endpoint_limit WHERE endpoint = ?", Double.class, endpoint);
            heldUntilNanos = now + (long) ((seconds == null ? 0 : seconds) * 1e9);
            holdReadAt = now;
        }
        return Duration.ofNanos(Math.max(0, heldUntilNanos - now));
    }

    @Override
    public void hold(Duration duration) {
        holdReadAt = System.nanoTime() - HOLD_FOR_NANOS;   // this process reads its own hold at once
        jdbc.update("""
                UPDATE warta_endpoint_limit SET held_until = GREATEST(COALESCE(held_until, now()),
                    now() + make_interval(secs => ?)) WHERE endpoint = ?""",
                duration.toMillis() / 1000.0, endpoint);
    }

    @Override
    public boolean limitsTokens() {
        return tokensPerSecond > 0;
    }

    @Override
    public void correctTokens(long estimated, long actual) {
        if (tokensPerSecond > 0) {
            jdbc.update("UPDATE warta_endpoint_limit SET token_level = LEAST(?, token_level + ?) WHERE endpoint = ?",
                    tokenCapacity, estimated - actual, endpoint);
        }
    }

    @Override
    public Optional<String> openedElsewhere() {
        long now = System.nanoTime();
        if (now - verdictReadAt >= VERDICT_FOR_NANOS) {
            // the run's failure count comes with the verdict: a success then knows whether it has a count to reset
            List<Optional<String>> read = jdbc.query("""
                    SELECT CASE WHEN circuit_run_id = ? THEN circuit_reason END,
                        CASE WHEN failures_run_id = ? THEN consecutive_failures ELSE 0 END
                    FROM warta_endpoint_limit WHERE endpoint = ?""", (rs, row) -> {
                        knownFailures = rs.getInt(2);
                        return Optional.ofNullable(rs.getString(1));
                    }, runId, runId, endpoint);
            verdict = read.isEmpty() ? Optional.empty() : read.get(0);
            verdictReadAt = now;
        }
        return verdict;
    }

    @Override
    public int failed() {
        List<Integer> count = jdbc.queryForList("""
                UPDATE warta_endpoint_limit SET
                    consecutive_failures = CASE WHEN failures_run_id = ? THEN consecutive_failures + 1 ELSE 1 END,
                    failures_run_id = ?
                WHERE endpoint = ?
                RETURNING consecutive_failures""", Integer.class, runId, runId, endpoint);
        int failures = count.isEmpty() ? 1 : count.get(0);
        knownFailures = failures;
        return failures;
    }

    @Override
    public void answered() {
        if (knownFailures > 0) {
            knownFailures = 0;
            jdbc.update("UPDATE warta_endpoint_limit SET consecutive_failures = 0 WHERE endpoint = ? "
                    + "AND failures_run_id = ? AND consecutive_failures > 0", endpoint, runId);
        }
    }

    @Override
    public void opened(String reason) {
        jdbc.update("UPDATE warta_endpoint_limit SET circuit_run_id = ?, circuit_reason = ? WHERE endpoint = ?",
                runId, reason, endpoint);
    }
}
