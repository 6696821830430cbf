package dev.warta.llm.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderHeadersTest {

    private static final Instant NOW = Instant.parse("2026-11-26T16:30:00Z");

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    @Test
    void retryAfterInSecondsMillisecondsOrHttpDate() {
        assertThat(ProviderHeaders.retryAfter(headers("Retry-After", "2"), NOW)).contains(Duration.ofSeconds(2));
        assertThat(ProviderHeaders.retryAfter(headers("Retry-After", "1.5"), NOW)).contains(Duration.ofMillis(1500));
        assertThat(ProviderHeaders.retryAfter(headers("retry-after-ms", "300"), NOW)).contains(Duration.ofMillis(300));
        assertThat(ProviderHeaders.retryAfter(headers("Retry-After", "Thu, 26 Nov 2026 16:30:45 GMT"), NOW))
                .contains(Duration.ofSeconds(45));
    }

    @Test
    void millisecondsWinOverSecondsBecauseTheyAreMorePrecise() {
        assertThat(ProviderHeaders.retryAfter(headers("Retry-After", "1", "retry-after-ms", "250"), NOW))
                .contains(Duration.ofMillis(250));
    }

    @Test
    void aDateInThePastMeansNoWaitAndGarbageMeansNoAdvice() {
        assertThat(ProviderHeaders.retryAfter(headers("Retry-After", "Thu, 26 Nov 2026 16:00:00 GMT"), NOW))
                .contains(Duration.ZERO);
        assertThat(ProviderHeaders.retryAfter(headers("Retry-After", "soon"), NOW)).isEmpty();
        assertThat(ProviderHeaders.retryAfter(headers("Retry-After", "-3"), NOW)).isEmpty();
        assertThat(ProviderHeaders.retryAfter(headers(), NOW)).isEmpty();
    }

    @Test
    void openAiResetDurations() {
        assertThat(ProviderHeaders.openAiDuration("1s")).contains(Duration.ofSeconds(1));
        assertThat(ProviderHeaders.openAiDuration("6m0s")).contains(Duration.ofMinutes(6));
        assertThat(ProviderHeaders.openAiDuration("120ms")).contains(Duration.ofMillis(120));
        assertThat(ProviderHeaders.openAiDuration("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
        assertThat(ProviderHeaders.openAiDuration("2m30s")).contains(Duration.ofSeconds(150));
        assertThat(ProviderHeaders.openAiDuration("7")).contains(Duration.ofSeconds(7));
        assertThat(ProviderHeaders.openAiDuration("6 minutes")).isEmpty();
        assertThat(ProviderHeaders.openAiDuration("1s later")).isEmpty();
        assertThat(ProviderHeaders.openAiDuration("")).isEmpty();
    }

    @Test
    void holdOnlyWhenAWindowIsExhaustedAndThenForTheLongerReset() {
        assertThat(ProviderHeaders.exhaustedWindowReset(headers(
                "x-ratelimit-remaining-requests", "3", "x-ratelimit-reset-requests", "700ms"))).isEmpty();
        assertThat(ProviderHeaders.exhaustedWindowReset(headers(
                "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "700ms")))
                .contains(Duration.ofMillis(700));
        assertThat(ProviderHeaders.exhaustedWindowReset(headers(
                "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "700ms",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "1m0s")))
                .contains(Duration.ofMinutes(1));
        assertThat(ProviderHeaders.exhaustedWindowReset(headers(
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "20ms")))
                .contains(Duration.ofMillis(20));
        assertThat(ProviderHeaders.exhaustedWindowReset(headers("x-ratelimit-remaining-tokens", "0")))
                .isEqualTo(Optional.empty());
    }
}
