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

    CircuitBreaker(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /** Throws at once, before anything touches the network, when the circuit is open. */
    synchronized void ensureClosed() {
        if (open) {
            throw new EndpointUnavailableException(consecutiveFailures, lastFailure);
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
        return open;
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized void reset() {
        open = false;
        consecutiveFailures = 0;
        lastFailure = "none";
    }
}
