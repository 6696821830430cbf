/**
 * The HTTP layer under LangChain4j's OpenAI client: retries that honour {@code Retry-After}, client-side rate limits
 * that follow the provider's {@code x-ratelimit-*} headers, a per-call timeout, a circuit breaker, and call metrics.
 * <p>
 * LangChain4j's own retry ignores {@code Retry-After}, and its {@code HttpException} carries no headers, so the only
 * place that sees them is an implementation of its HTTP SPI. Wiring:
 * <pre>{@code
 * CallMetrics metrics = new CallMetrics();
 * ResilientHttpClientBuilder http = new ResilientHttpClientBuilder(policy, metrics);
 * OpenAiChatModel.builder()
 *         .httpClientBuilder(http)
 *         .maxRetries(0)          // retries happen in the HTTP layer
 *         ...
 * }</pre>
 * What reaches the caller of {@code ChatModel.chat}: {@code RateLimitException} (429 to the end),
 * {@code InternalServerException} (5xx), {@code InvalidRequestException} (400), {@code AuthenticationException}
 * (401/403), {@code dev.langchain4j.exception.TimeoutException} (timeouts to the end),
 * {@link dev.warta.llm.http.EndpointUnavailableException} (circuit open, unwrapped) and
 * {@link dev.warta.llm.http.CallInterruptedException} (the thread was interrupted).
 */
package dev.warta.llm.http;
