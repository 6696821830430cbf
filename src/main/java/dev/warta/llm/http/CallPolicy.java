package dev.warta.llm.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How Warta calls the model endpoint: retries, per-call timeout, client-side rate limits and the circuit breaker.
 *
 * @param maxRetries              retries after the first attempt on 429, 5xx, timeouts and I/O errors (0 = none)
 * @param initialBackoff          upper bound of the first jittered backoff; doubles on each further retry
 * @param maxBackoff              upper bound of any jittered backoff (a provider's {@code Retry-After} is not bound by it)
 * @param timeout                 per-attempt timeout: connect plus waiting for the response
 * @param requestsPerMinute       client-side request rate limit shared by all threads, 0 = unlimited
 * @param tokensPerMinute         client-side token rate limit shared by all threads, 0 = unlimited
 * @param circuitBreakerThreshold consecutive failed calls after which no further call is sent
 */
public record CallPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration timeout,
                         int requestsPerMinute, int tokensPerMinute, int circuitBreakerThreshold) {

    public CallPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(timeout, "timeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException(
                    "backoffs must not be negative, were " + initialBackoff + " and " + maxBackoff);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("per-minute limits must be >= 0 (0 = unlimited), were "
                    + requestsPerMinute + " requests and " + tokensPerMinute + " tokens");
        }
        if (circuitBreakerThreshold < 1) {
            throw new IllegalArgumentException(
                    "circuitBreakerThreshold must be >= 1, was " + circuitBreakerThreshold);
        }
    }

    /**
     * Four retries (1 s, 2 s, 4 s, 8 s jittered upper bounds, so a short provider hiccup is ridden out), 30 s cap,
     * two minutes per attempt (a long article's JSON answer can take a minute on a busy model), no client-side rate
     * limits (the provider's headers still pace us), and the circuit opens after 5 consecutive failed calls.
     */
    public static CallPolicy defaults() {
        return new CallPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2), 0, 0, 5);
    }

    public CallPolicy withMaxRetries(int maxRetries) {
        return new CallPolicy(maxRetries, initialBackoff, maxBackoff, timeout, requestsPerMinute, tokensPerMinute,
                circuitBreakerThreshold);
    }

    public CallPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
        return new CallPolicy(maxRetries, initialBackoff, maxBackoff, timeout, requestsPerMinute, tokensPerMinute,
                circuitBreakerThreshold);
    }

    public CallPolicy withTimeout(Duration timeout) {
        return new CallPolicy(maxRetries, initialBackoff, maxBackoff, timeout, requestsPerMinute, tokensPerMinute,
                circuitBreakerThreshold);
    }

    public CallPolicy withRateLimits(int requestsPerMinute, int tokensPerMinute) {
        return new CallPolicy(maxRetries, initialBackoff, maxBackoff, timeout, requestsPerMinute, tokensPerMinute,
                circuitBreakerThreshold);
    }

    public CallPolicy withCircuitBreakerThreshold(int circuitBreakerThreshold) {
        return new CallPolicy(maxRetries, initialBackoff, maxBackoff, timeout, requestsPerMinute, tokensPerMinute,
                circuitBreakerThreshold);
    }
}
