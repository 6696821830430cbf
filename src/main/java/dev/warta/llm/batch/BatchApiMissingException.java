package dev.warta.llm.batch;

/**
 * The endpoint has no Batch API: {@code /v1/files} or {@code /v1/batches} answered 404, as many local servers do.
 * Not a fault of any article: the operator either allows the synchronous path ({@code warta.llm.batch-fallback=sync})
 * or fixes the setting.
 */
public class BatchApiMissingException extends RuntimeException {

    public BatchApiMissingException(String message) {
        super(message);
    }
}
