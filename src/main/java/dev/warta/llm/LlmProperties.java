package dev.warta.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the model endpoint, bound from {@code warta.llm.*} (see {@code application.yml} and the README).
 *
 * @param baseUrl                 OpenAI-compatible base URL including {@code /v1}; blank means the OpenAI API
 * @param apiKey                  bearer token; may be blank for local servers that need none. Never logged.
 * @param model                   model name sent with every request
 * @param temperature             sampling temperature; {@code null} leaves the provider's default
 * @param timeout                 per-call timeout
 * @param maxRetries              retries of one call on 429, 5xx and timeouts
 * @param initialBackoff          first wait before a retry; doubles each time (with jitter), up to 30 s, unless the
 *                                endpoint says how long to wait (Retry-After)
 * @param chunkTokens             source tokens per translation call; longer articles are split into chunks
 * @param concurrency             model calls in flight at once
 * @param requestsPerMinute       client-side request rate limit, 0 for none
 * @param tokensPerMinute         client-side token rate limit, 0 for none
 * @param circuitBreakerThreshold consecutive failed calls after which the endpoint is considered down for the run
 * @param prices                  USD per million prompt/completion tokens, by model name, for the cost estimate
 * @param logRequests             log request and response bodies (for debugging a provider; never the key)
 * @param mode                    {@code sync} (every call answered at once) or {@code batch} (the night's first
 *                                requests go to the endpoint's Batch API at the batch price; docs/batch-mode.md)
 * @param batchDeadline           by when a batch must be back: the next local time of day (e.g. {@code 06:00}) after
 *                                the run's first upload, or a duration after it (e.g. {@code 4h}); blank for none
 * @param batchAfterDeadline      what is not back by the deadline: {@code sync} (cancel the batch, ask the rest
 *                                synchronously) or {@code pending} (leave the batch running, stop the run; the next
 *                                start collects it)
 * @param batchFallback           when the endpoint has no Batch API (404): {@code stop} (exit 2) or {@code sync}
 * @param batchPollInterval       first wait between two looks at a batch; doubles up to 5 minutes
 */
@ConfigurationProperties("warta.llm")
public record LlmProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        Double temperature,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("4") int maxRetries,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("2000") int chunkTokens,
        @DefaultValue("4") int concurrency,
        @DefaultValue("0") int requestsPerMinute,
        @DefaultValue("0") int tokensPerMinute,
        @DefaultValue("5") int circuitBreakerThreshold,
        Map<String, Price> prices,
        @DefaultValue("false") boolean logRequests,
        @DefaultValue("sync") String mode,
        String batchDeadline,
        @DefaultValue("sync") String batchAfterDeadline,
        @DefaultValue("stop") String batchFallback,
        @DefaultValue("30s") Duration batchPollInterval) {

    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    public LlmProperties {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        if (concurrency < 1) {
            throw new IllegalArgumentException("warta.llm.concurrency must be at least 1, was " + concurrency);
        }
        mode = mode == null || mode.isBlank() ? "sync" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("sync") && !mode.equals("batch")) {
            throw new IllegalArgumentException("warta.llm.mode must be sync or batch, was '" + mode + "'");
        }
        batchAfterDeadline = oneOf("warta.llm.batch-after-deadline", batchAfterDeadline, "sync", "sync", "pending");
        batchFallback = oneOf("warta.llm.batch-fallback", batchFallback, "stop", "stop", "sync");
        if (batchDeadline != null && !batchDeadline.isBlank()) {
            try {
                deadlineAfter(batchDeadline, java.time.Instant.now(), java.time.ZoneId.systemDefault());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("warta.llm.batch-deadline must be a time of day such as 06:00 or a "
                        + "duration such as 4h, was '" + batchDeadline + "'");
            }
        }
        if (batchPollInterval == null || batchPollInterval.isNegative() || batchPollInterval.isZero()) {
            batchPollInterval = Duration.ofSeconds(30);
        }
    }

    private static String oneOf(String setting, String value, String fallback, String... allowed) {
        String chosen = value == null || value.isBlank() ? fallback : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of(allowed).contains(chosen)) {
            throw new IllegalArgumentException(setting + " must be one of " + String.join(", ", allowed) + ", was '"
                    + value + "'");
        }
        return chosen;
    }

    /**
     * USD per million tokens, synchronously and in a batch ({@code batch-input}, {@code batch-output}: half the
     * synchronous price when not given, as OpenAI charges).
     */
    public record Price(double input, double output, Double batchInput, Double batchOutput) {

        public double batchInputOrDefault() {
            return batchInput == null ? input / 2 : batchInput;
        }

        public double batchOutputOrDefault() {
            return batchOutput == null ? output / 2 : batchOutput;
        }
    }

    public boolean batchMode() {
        return "batch".equals(mode);
    }

    /**
     * When a batch uploaded first at {@code firstUpload} must be back: the next time of day {@code 06:00} after it,
     * or a duration ({@code 4h}) after it; null when batches may take their whole completion window.
     */
    public java.time.ZonedDateTime batchDeadlineAfter(java.time.Instant firstUpload, java.time.ZoneId zone) {
        return batchDeadline == null || batchDeadline.isBlank() ? null
                : deadlineAfter(batchDeadline, firstUpload, zone);
    }

    private static java.time.ZonedDateTime deadlineAfter(String deadline, java.time.Instant from,
                                                         java.time.ZoneId zone) {
        java.time.ZonedDateTime start = from.atZone(zone);
        String value = deadline.strip();
        if (value.contains(":")) {
            java.time.ZonedDateTime today = start.with(java.time.LocalTime.parse(value));
            return today.isAfter(start) ? today : today.plusDays(1);
        }
        return start.plus(org.springframework.boot.convert.DurationStyle.detectAndParse(value));
    }

    /** Estimated cost in USD of tokens answered in a batch, or {@code null} when the model's price is unknown. */
    public Double batchCost(long promptTokens, long completionTokens) {
        Price price = prices.get(model);
        if (price == null) {
            return null;
        }
        return (promptTokens * price.batchInputOrDefault() + completionTokens * price.batchOutputOrDefault())
                / 1_000_000.0;
    }

    /** Whether an endpoint was configured at all: a key (for the OpenAI API) or a base URL (any compatible server). */
    public boolean endpointConfigured() {
        return hasText(apiKey) || hasText(baseUrl);
    }

    public String effectiveBaseUrl() {
        return hasText(baseUrl) ? baseUrl.strip() : OPENAI_BASE_URL;
    }

    /** Estimated cost in USD of the given tokens with the configured model, or {@code null} when its price is unknown. */
    public Double cost(long promptTokens, long completionTokens) {
        Price price = prices.get(model);
        if (price == null) {
            return null;
        }
        return (promptTokens * price.input() + completionTokens * price.output()) / 1_000_000.0;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Keeps the key out of logs and error messages that print the settings. */
    @Override
    public String toString() {
        return "LlmProperties[baseUrl=" + effectiveBaseUrl() + ", apiKey=" + (hasText(apiKey) ? "(set)" : "(none)")
                + ", model=" + model + ", temperature=" + temperature + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + ", chunkTokens=" + chunkTokens + ", concurrency=" + concurrency
                + ", requestsPerMinute=" + requestsPerMinute + ", tokensPerMinute=" + tokensPerMinute
                + ", mode=" + mode + "]";
    }
}
