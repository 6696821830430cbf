package dev.warta.article;

/**
 * An article could not be translated. The message is recorded with the article, so it must say what went wrong
 * in words an operator understands ({@code "model output cut off at the token limit"}).
 * <p>
 * Whose fault it was decides what happens to the article: see {@link Fault}.
 */
public class TranslationException extends RuntimeException {

    /** Whose fault a failure was, which decides whether it costs the article one of its attempts. */
    public enum Fault {
        /**
         * The article's own: a content filter, a refusal, an answer that stays unusable after it was asked again,
         * a request the endpoint rejects for its content. The article is {@code failed} and the attempt counts
         * towards {@code warta.max-attempts}.
         */
        ARTICLE,
        /**
         * The endpoint's or the network's: unreachable, timeouts, 429 and 5xx until the retries ran out, answers
         * cut off in transit, the circuit open, the run's budget spent. The article stays {@code pending} and the
         * attempt does not count: the next good night does it.
         */
        ENDPOINT,
        /**
         * A setting is wrong (the endpoint refused the key, or knows no such URL or model): the article stays
         * {@code pending}, the attempt does not count, and the run stops, since every other article would fail
         * the same way.
         */
        SETTINGS
    }

    private final boolean retryable;
    private final Fault fault;

    public TranslationException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, Fault.ARTICLE, cause);
    }

    public TranslationException(String message) {
        this(message, false, Fault.ARTICLE, null);
    }

    private TranslationException(String message, boolean retryable, Fault fault, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.fault = fault;
    }

    /**
     * The endpoint could not do it, through no fault of the article: it is left pending and costs no attempt.
     */
    public static TranslationException unavailable(String message, Throwable cause) {
        return new TranslationException(message, true, Fault.ENDPOINT, cause);
    }

    /** A setting is wrong: the article is left pending, and the run stops (see {@link Fault#SETTINGS}). */
    public static TranslationException wrongSettings(String message, Throwable cause) {
        return new TranslationException(message, false, Fault.SETTINGS, cause);
    }

    /** Whether a later run may succeed (endpoint down, rate limited) as opposed to a permanent problem. */
    public boolean retryable() {
        return retryable;
    }

    /** Whether the article was not the cause (see {@link Fault}): it stays pending and costs no attempt. */
    public boolean unavailable() {
        return fault != Fault.ARTICLE;
    }

    public Fault fault() {
        return fault;
    }
}
