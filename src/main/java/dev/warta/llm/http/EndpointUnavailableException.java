package dev.warta.llm.http;

/**
 * The circuit breaker is open: the model endpoint failed too many calls in a row, so this call was refused without
 * touching the network.
 * <p>
 * It deliberately carries no cause. LangChain4j's exception mapper looks at the root cause, and an
 * {@code HttpException} there would turn this into an {@code InternalServerException}; without one, this exception
 * reaches the caller of {@code ChatModel.chat} unchanged.
 */
public class EndpointUnavailableException extends RuntimeException {

    private final int consecutiveFailures;
    private final String lastFailure;

    public EndpointUnavailableException(int consecutiveFailures, String lastFailure) {
        super("model endpoint unavailable: " + consecutiveFailures + " consecutive calls failed (last: "
                + lastFailure + ")");
        this.consecutiveFailures = consecutiveFailures;
        this.lastFailure = lastFailure;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** What the last failed call ended with, e.g. {@code HTTP 503} or {@code timeout after PT2M}. */
    public String lastFailure() {
        return lastFailure;
    }

    /** The first {@code EndpointUnavailableException} in {@code failure}'s cause chain, or null. */
    public static EndpointUnavailableException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EndpointUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
