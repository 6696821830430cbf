package dev.warta.article;

/**
 * An article could not be translated. The message is recorded with the article, so it must say what went wrong
 * in words an operator understands ({@code "model output cut off at the token limit"}).
 */
public class TranslationException extends RuntimeException {

    private final boolean retryable;

    public TranslationException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public TranslationException(String message) {
        this(message, false, null);
    }

    /** Whether a later run may succeed (endpoint down, rate limited) as opposed to a permanent problem. */
    public boolean retryable() {
        return retryable;
    }
}
