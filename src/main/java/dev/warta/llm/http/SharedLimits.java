package dev.warta.llm.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits of an endpoint that several processes share (the workers of a scale-out run): its requests and tokens per
 * minute, the holds it asked for ({@code Retry-After}), and the circuit breaker's verdict for the run. With shared
 * limits, the {@link RateLimiter} and {@link CircuitBreaker} of each process defer to these, so the limits hold for
 * the whole run however many processes call the endpoint.
 */
public interface SharedLimits {

    /**
     * Takes one request of about {@code estimatedTokens} tokens from the shared buckets (they may go into debt) and
     * returns how long the caller must wait before sending it: the debt's repayment, or a hold still in force.
     */
    Duration reserve(long estimatedTokens);

    /** Whether a token limit is set: only then is each request's size estimated (which costs a JSON parse). */
    boolean limitsTokens();

    /** Holds every process's next calls for {@code duration} from now (never shortens an existing hold). */
    void hold(Duration duration);

    /** Gives back (or takes) the difference between a request's estimated and reported tokens. */
    void correctTokens(long estimated, long actual);

    /** Why the circuit was opened for the run by any process, if it was. */
    Optional<String> openedElsewhere();

    /** This process opened the circuit: every other process of the run stops calling too. */
    void opened(String reason);

    /**
     * A call of this process failed for good: adds it to the run's count of consecutive failed calls (every
     * process's) and returns that count, which opens the circuit once it reaches the threshold.
     */
    int failed();

    /**
     * A call of this process was answered: the run's count of consecutive failures starts again from zero. Costs a
     * statement only when the count is known to be non-zero, not one per successful call.
     */
    void answered();
}
