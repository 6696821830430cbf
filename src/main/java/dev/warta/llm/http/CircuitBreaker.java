package dev.warta.llm.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling an endpoint that keeps failing. It opens after a number of consecutive failed calls and then stays
 * open for the rest of the run: a nightly batch gains nothing by probing a dead endpoint all night, and the articles
 * not sent stay pending for the next run. No half-open state on purpose; {@link #reset()} closes it by hand.
 * In a scale-out run the count and the verdict are the run's ({@link SharedLimits}), not this process's.
 */
final class CircuitBreaker {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    private final int threshold;
    private int consecutiveFailures;
    private String lastFailure = "none";
    private boolean open;
    /** Set once the endpoint rejected our settings (key, URL, model): then nothing is sent any more. */
    private String rejection;
    /** The run's verdict when several processes call the endpoint; {@code null} in a run in one process. */
    private final SharedLimits shared;

    CircuitBreaker(int threshold) {
        this(threshold, null);
    }

    CircuitBreaker(int threshold, SharedLimits shared) {
        this.shared = shared;
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /** Throws at once, before anything touches the network, when the circuit is open. */
    synchronized void ensureClosed() {
        if (rejection != null) {
            throw new EndpointRejectedException(rejection);
        }
        if (open) {
            throw new EndpointUnavailableException(consecutiveFailures, lastFailure);
        }
        if (shared != null) {
            java.util.Optional<String> elsewhere = shared.openedElsewhere();
            if (elsewhere.isPresent()) {
                throw new EndpointUnavailableException(threshold, elsewhere.get() + ", seen by another process");
            }
        }
    }

    /** The endpoint answered (a success, or a client error that says nothing about its health). */
    synchronized void recordAnswer() {
        if (!open) {
            consecutiveFailures = 0;
            if (shared != null) {
                try {
                    shared.answered();
                } catch (RuntimeException e) {
                    // the database is out of reach: the worker's partition fails on its next write anyway
                    log.debug("the run's failure count could not be reset: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * A call failed for good; returns true when this failure opened the circuit. With shared limits the count is the
     * run's (every process's consecutive failed calls), so W workers send the threshold of failing calls between
     * them, plus those in flight, not W times the threshold.
     */
    synchronized boolean recordFailure(String description) {
        if (open) {
            return false;
        }
        consecutiveFailures++;
        lastFailure = description;
        if (shared != null) {
            try {
                consecutiveFailures = shared.failed();
            } catch (RuntimeException e) {
                // without the database this process counts on its own, as a single process does
                log.debug("the run's failure count is out of reach, counting in this process: {}", e.getMessage());
            }
        }
        open = consecutiveFailures >= threshold;
        if (open && shared != null) {
            try {
                shared.opened(description);
            } catch (RuntimeException e) {
                log.debug("the run's circuit verdict could not be recorded: {}", e.getMessage());
            }
        }
        return open;
    }

    synchronized boolean isOpen() {
        return open || rejection != null;
    }

    /** The endpoint refused our settings: no call may be sent again, whatever the threshold. */
    synchronized void reject(String reason) {
        if (rejection == null) {
            rejection = reason;
        }
    }

    synchronized void reset() {
        open = false;
        rejection = null;
        consecutiveFailures = 0;
        lastFailure = "none";
    }
}
