package dev.warta.llm.http;

/**
 * The endpoint answered in a way that no retry and no other article can change: it refused the API key (401/403)
 * or does not know the URL or the model (404). A setting is wrong; the run should stop at the first such answer.
 * <p>
 * Once one call saw this, every later call of the same builder throws it again without touching the network. Like
 * {@link EndpointUnavailableException} it carries no cause, so LangChain4j's exception mapper passes it through.
 */
public class EndpointRejectedException extends RuntimeException {

    private final int statusCode;

    public EndpointRejectedException(String message) {
        this(message, 0);
    }

    public EndpointRejectedException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The HTTP status that said so (401, 403, 404), or 0 when it is not known. */
    public int statusCode() {
        return statusCode;
    }

    /** The first {@code EndpointRejectedException} in {@code failure}'s cause chain, or null. */
    public static EndpointRejectedException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EndpointRejectedException rejected) {
                return rejected;
            }
        }
        return null;
    }
}
