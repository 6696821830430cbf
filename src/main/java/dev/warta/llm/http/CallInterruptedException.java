package dev.warta.llm.http;

/**
 * The calling thread was interrupted (a stop was requested) while it waited for a rate limit, backed off or waited
 * for the response. The thread's interrupt flag is set again before this is thrown, so the caller can see it too.
 */
public class CallInterruptedException extends RuntimeException {

    public CallInterruptedException(String target, InterruptedException cause) {
        super("interrupted while calling " + target, cause);
    }
}
