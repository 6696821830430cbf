package dev.warta.llm.http;

/**
 * A call that failed for reasons of the endpoint or the network, after its retries: the endpoint could not be
 * reached, or its answers were cut off or not the API's JSON. The message says which, in an operator's words
 * ({@code "cannot reach the endpoint at localhost:8080: connection refused"}). Nothing here is the article's fault.
 */
public class EndpointFaultException extends RuntimeException {

    public EndpointFaultException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first {@code EndpointFaultException} in {@code failure}'s cause chain, or null. */
    public static EndpointFaultException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EndpointFaultException fault) {
                return fault;
            }
        }
        return null;
    }
}
