package dev.warta.article;

/**
 * An article could not be translated. The message is recorded with the article, so it must say what went wrong
 * in words an operator understands ({@code "model output cut off at the token limit"}).
 */
public class TranslationException extends RuntimeException {

    private final boolean retryable;
    private final boolean unavailable;

    public TranslationException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, false, cause);
    }

    public TranslationException(String message) {
        this(message, false, false, null);
    }

    private TranslationException(String message, boolean retryable, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.unavailable = unavailable;
    }

    /**
     * The engine did not even try: its endpoint is known to be down (circuit open) or the run's budget is spent.
     * The article is left pending rather than failed, and costs no attempt.
     */
    public static TranslationException unavailable(String message, Throwable cause) {
        return new TranslationException(message, true, true, cause);
    }

    /** Whether a later run may succeed (endpoint down, rate limited) as opposed to a permanent problem. */
    public boolean retryable() {
        return retryable;
    }

    /** Whether the article was not attempted at all (see {@link #unavailable}). */
    public boolean unavailable() {
        return unavailable;
    }
}
