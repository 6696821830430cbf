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
 * {@code InternalServerException} (5xx), {@code InvalidRequestException} (400),
 * {@code dev.langchain4j.exception.TimeoutException} (timeouts to the end),
 * {@link dev.warta.llm.http.EndpointRejectedException} (401/403/404: a wrong key, URL or model; every later call
 * of the builder fails the same way without being sent), {@link dev.warta.llm.http.EndpointFaultException} (the
 * endpoint unreachable, or its answers cut off or not JSON, to the end),
 * {@link dev.warta.llm.http.EndpointUnavailableException} (circuit open, unwrapped) and
 * {@link dev.warta.llm.http.CallInterruptedException} (the thread was interrupted).
 * <p>
 * With an {@link dev.warta.llm.http.AnswerStore}, every answer is kept under its exact request and served again
 * instead of being bought twice ({@link dev.warta.llm.http.PaidAnswers}); with a {@link dev.warta.llm.http.CallLog},
 * every request sent is recorded as it happens.
 */
package dev.warta.llm.http;
