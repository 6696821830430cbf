package dev.warta.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the model endpoint, bound from {@code warta.llm.*} (see {@code application.yml} and the README).
 *
 * @param baseUrl        OpenAI-compatible base URL including {@code /v1}; blank means the OpenAI API when a key is set
 * @param apiKey         bearer token; may be blank for local servers that need none. Never logged.
 * @param model          model name sent with every request
 * @param temperature    sampling temperature; {@code null} leaves the provider's default (some reasoning models refuse any other)
 * @param timeout        per-call timeout
 * @param maxRetries     retries of one call on 429, 5xx and timeouts
 * @param chunkTokens    source tokens per translation call; longer articles are split into chunks of this size
 * @param logRequests    log request and response bodies (for debugging a provider; never the key)
 */
@ConfigurationProperties("warta.llm")
public record LlmProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        Double temperature,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("2") int maxRetries,
        @DefaultValue("2000") int chunkTokens,
        @DefaultValue("false") boolean logRequests) {

    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** Whether an endpoint was configured at all: a key (for the OpenAI API) or a base URL (any compatible server). */
    public boolean endpointConfigured() {
        return hasText(apiKey) || hasText(baseUrl);
    }

    public String effectiveBaseUrl() {
        return hasText(baseUrl) ? baseUrl.strip() : OPENAI_BASE_URL;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Keeps the key out of logs and error messages that print the settings. */
    @Override
    public String toString() {
        return "LlmProperties[baseUrl=" + effectiveBaseUrl() + ", apiKey=" + (hasText(apiKey) ? "(set)" : "(none)")
                + ", model=" + model + ", temperature=" + temperature + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + ", chunkTokens=" + chunkTokens + "]";
    }
}
