package dev.warta.llm.http;

/**
 * The call was not sent because a rule of the caller's forbids it at this moment (the run's budget is spent); see
 * {@link CallLog#refusal()}. Nothing reached the network, nothing was paid.
 * <p>
 * Like {@link EndpointUnavailableException} it carries no cause, so LangChain4j hands it to the caller unchanged.
 */
public class CallRefusedException extends RuntimeException {

    public CallRefusedException(String reason) {
        super(reason);
    }

    /** The first {@code CallRefusedException} in {@code failure}'s cause chain, or null. */
    public static CallRefusedException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CallRefusedException refused) {
                return refused;
            }
        }
        return null;
    }
}
