package dev.warta.llm.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a provider says about when to call again: {@code retry-after-ms}, {@code Retry-After} and OpenAI's
 * {@code x-ratelimit-*} headers. Malformed values are ignored (we fall back to our own backoff) rather than failing a
 * call that the provider may well answer next time.
 */
final class ProviderHeaders {

    static final String RETRY_AFTER_MS = "retry-after-ms";
    static final String RETRY_AFTER = "retry-after";
    static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    static final String RESET_TOKENS = "x-ratelimit-reset-tokens";

    /** One component of an OpenAI duration such as {@code 6m0s}, {@code 1.5s}, {@code 120ms}, {@code 1h2m}. */
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private ProviderHeaders() {
    }

    /**
     * How long the provider asks us to wait before the next attempt: {@code retry-after-ms} (OpenAI, Azure) when
     * present, else {@code Retry-After} in seconds or as an HTTP-date (RFC 9110). Empty when neither is usable.
     */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<Duration> millis = headers.firstValue(RETRY_AFTER_MS).flatMap(value -> number(value)
                .map(ms -> Duration.ofNanos((long) (ms * 1_000_000))));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue(RETRY_AFTER).flatMap(value -> retryAfterValue(value, now));
    }

    static Optional<Duration> retryAfterValue(String value, Instant now) {
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return seconds.map(s -> Duration.ofNanos((long) (s * 1_000_000_000L)));
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * How long new calls must be held because the provider reports no requests or no tokens left in its window:
     * the longer of the matching {@code x-ratelimit-reset-*} durations. Empty when something is left.
     */
    static Optional<Duration> exhaustedWindowReset(HttpHeaders headers) {
        Optional<Duration> requests = resetIfExhausted(headers, REMAINING_REQUESTS, RESET_REQUESTS);
        Optional<Duration> tokens = resetIfExhausted(headers, REMAINING_TOKENS, RESET_TOKENS);
        if (requests.isPresent() && tokens.isPresent()) {
            return Optional.of(requests.get().compareTo(tokens.get()) >= 0 ? requests.get() : tokens.get());
        }
        return requests.isPresent() ? requests : tokens;
    }

    private static Optional<Duration> resetIfExhausted(HttpHeaders headers, String remaining, String reset) {
        boolean exhausted = headers.firstValue(remaining).flatMap(ProviderHeaders::number)
                .map(left -> left <= 0).orElse(false);
        if (!exhausted) {
            return Optional.empty();
        }
        return headers.firstValue(reset).flatMap(ProviderHeaders::openAiDuration);
    }

    /** Parses OpenAI's reset durations ({@code 1s}, {@code 6m0s}, {@code 120ms}, {@code 1h30m}); a bare number is seconds. */
    static Optional<Duration> openAiDuration(String value) {
        String text = value.trim();
        Optional<Double> bareSeconds = number(text);
        if (bareSeconds.isPresent()) {
            return bareSeconds.map(s -> Duration.ofNanos((long) (s * 1_000_000_000L)));
        }
        Matcher part = DURATION_PART.matcher(text);
        double nanos = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            double amount = Double.parseDouble(part.group(1));
            switch (part.group(2)) {
                case "h" -> nanos += amount * 3_600e9;
                case "m" -> nanos += amount * 60e9;
                case "s" -> nanos += amount * 1e9;
                default -> nanos += amount * 1e6;
            }
            end = part.end();
        }
        if (end == 0 || end != text.length()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) nanos));
    }

    private static Optional<Double> number(String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            return Double.isFinite(parsed) && parsed >= 0 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
