package dev.warta.llm.batch;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.time.Duration;

/**
 * An HTTP client for LangChain4j that sends nothing: it stops the call at its request, by throwing
 * {@link Captured} with the request's body. A chat model built on it turns a call into the exact body the real
 * client would send, which is how a batch gets requests byte-identical to the synchronous ones.
 */
public final class RequestCapture implements HttpClientBuilder {

    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration readTimeout = Duration.ofSeconds(1);

    /** The request a call would have sent; thrown instead of sending it. Carries no cause, so mappers pass it on. */
    public static final class Captured extends RuntimeException {

        private final transient CapturedRequest request;

        Captured(CapturedRequest request) {
            super("request captured, not sent: " + request.path(), null, false, false);
            this.request = request;
        }

        public CapturedRequest request() {
            return request;
        }

        /** The capture in {@code failure}'s cause chain, or null. */
        public static Captured findIn(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof Captured captured) {
                    return captured;
                }
            }
            return null;
        }
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        return new HttpClient() {
            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                throw new Captured(CapturedRequest.of(request.url(), request.body()));
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                throw new Captured(CapturedRequest.of(request.url(), request.body()));
            }
        };
    }
}
