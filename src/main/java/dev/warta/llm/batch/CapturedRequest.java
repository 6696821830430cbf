package dev.warta.llm.batch;

import dev.warta.llm.http.PaidAnswers;

import java.net.URI;

/**
 * A request body exactly as the synchronous path would send it, and the URL path it would go to: the key its answer
 * is kept under is the same either way, so an answer bought in a batch is found by the synchronous path.
 *
 * @param path URL path of the operation, e.g. {@code /v1/chat/completions}
 * @param body the JSON body, byte for byte
 */
public record CapturedRequest(String path, String body) {

    static CapturedRequest of(String url, String body) {
        return new CapturedRequest(URI.create(url).getPath(), body);
    }

    /** The key of {@link PaidAnswers}; also the request's {@code custom_id} in a batch. */
    public String key() {
        return PaidAnswers.key(path, body);
    }
}
