package dev.warta.llm.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallMetricsTest {

    @Test
    void countsRequestsRetriesAndFailures() {
        CallMetrics metrics = new CallMetrics();
        metrics.recordRequest(false);
        metrics.recordRequest(true);
        metrics.recordRequest(true);
        metrics.recordFailure();

        CallMetrics.Snapshot snapshot = metrics.snapshot();

        assertThat(snapshot.calls()).isEqualTo(3);
        assertThat(snapshot.retries()).isEqualTo(2);
        assertThat(snapshot.failures()).isEqualTo(1);
    }

    @Test
    void nearestRankPercentilesWhateverTheOrderOfArrival() {
        CallMetrics metrics = new CallMetrics();
        List<Long> latencies = new ArrayList<>();
        for (long millis = 1; millis <= 100; millis++) {
            latencies.add(millis * 10);
        }
        Collections.shuffle(latencies, new java.util.Random(7));
        latencies.forEach(metrics::recordLatency);

        CallMetrics.Snapshot snapshot = metrics.snapshot();

        assertThat(snapshot.p50Millis()).isEqualTo(500);
        assertThat(snapshot.p95Millis()).isEqualTo(950);
    }

    @Test
    void noLatencyYetReadsAsZeroAndOneCallIsItsOwnPercentile() {
        CallMetrics metrics = new CallMetrics();
        assertThat(metrics.snapshot().p95Millis()).isZero();

        metrics.recordLatency(42);

        assertThat(metrics.snapshot().p50Millis()).isEqualTo(42);
        assertThat(metrics.snapshot().p95Millis()).isEqualTo(42);
    }

    @Test
    void memoryStaysBoundedPastTheReservoirWhilePercentilesStayClose() {
        CallMetrics metrics = new CallMetrics();
        int calls = CallMetrics.RESERVOIR_SIZE * 5;
        // A uniform spread 0..999 ms: true p50 is 499, true p95 is 949.
        for (int i = 0; i < calls; i++) {
            metrics.recordLatency(i % 1000);
        }

        CallMetrics.Snapshot snapshot = metrics.snapshot();

        assertThat(snapshot.p50Millis()).isBetween(460L, 540L);
        assertThat(snapshot.p95Millis()).isBetween(930L, 970L);
    }
}
