package dev.warta.llm.http;

/**
 * Stops calling an endpoint that keeps failing. It opens after a number of consecutive failed calls and then stays
 * open for the rest of the run: a nightly batch gains nothing by probing a dead endpoint all night, and the articles
 * not sent stay pending for the next run. No half-open state on purpose; {@link #reset()} closes it by hand.
 */
final class CircuitBreaker {

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
        }
    }

    /** A call failed for good; returns true when this failure opened the circuit. */
    synchronized boolean recordFailure(String description) {
        if (open) {
            return false;
        }
        consecutiveFailures++;
        lastFailure = description;
        open = consecutiveFailures >= threshold;
        if (open && shared != null) {
            shared.opened(description);
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
