package dev.warta.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the translation step's time went, from the Java Flight Recorder events Spring Batch 6 emits for every item
 * read and processed and every chunk written ({@code org.springframework.batch.core.observability.jfr.events…}).
 * The step's time splits into:
 * <ul>
 *   <li><b>calls</b>: the items' processing time packed perfectly onto {@code concurrency} threads (the ideal, if
 *   every item took exactly the simulated latency);</li>
 *   <li><b>per-item overhead</b>: processing time beyond the latency (HTTP, JSON, checks, cache), over concurrency;</li>
 *   <li><b>chunk barrier</b>: time the threads sat idle because a chunk waits for its slowest item before it is
 *   written, and the next chunk is read only then;</li>
 *   <li><b>writes</b>: the chunks' writes, done on the step's thread while no call is in flight;</li>
 *   <li><b>between chunks</b>: commits, step bookkeeping and listeners, also with no call in flight.</li>
 * </ul>
 */
record StepTimeline(int items, int chunks, Duration step, Duration processing, Duration writes, Duration transactions,
                    Duration reads, long slowestWriteMillis, Duration beforeStep, Duration afterStep) {

    /** The step's end, in seconds since the JVM started (the clock of the GC log). */
    double stepEndUptimeSeconds() {
        return seconds(beforeStep.plus(step));
    }

    double stepStartUptimeSeconds() {
        return seconds(beforeStep);
    }

    private static final String EVENTS = "org.springframework.batch.core.observability.jfr.events.";

    static StepTimeline read(Path recording) throws IOException {
        Duration step = Duration.ZERO;
        Duration processing = Duration.ZERO;
        Duration writes = Duration.ZERO;
        Duration transactions = Duration.ZERO;
        Duration reads = Duration.ZERO;
        long slowestWrite = 0;
        int items = 0;
        int chunks = 0;
        Instant jvmStart = null;
        Instant stepStart = null;
        Instant stepEnd = null;
        Instant lastEvent = Instant.MIN;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (event.getEndTime().isAfter(lastEvent)) {
                lastEvent = event.getEndTime();
            }
            if (type.equals("jdk.JVMInformation")) {
                jvmStart = event.getInstant("jvmStartTime");
            }
            if (!type.startsWith(EVENTS)) {
                continue;
            }
            Duration duration = event.getDuration();
            if (type.endsWith(".StepExecutionEvent")) {
                step = step.plus(duration);
                stepStart = event.getStartTime();
                stepEnd = event.getEndTime();
            } else if (type.endsWith(".ItemProcessEvent")) {
                processing = processing.plus(duration);
                items++;
            } else if (type.endsWith(".ChunkWriteEvent")) {
                writes = writes.plus(duration);
                slowestWrite = Math.max(slowestWrite, duration.toMillis());
                chunks++;
            } else if (type.endsWith(".ChunkTransactionEvent")) {
                transactions = transactions.plus(duration);
            } else if (type.endsWith(".ItemReadEvent")) {
                reads = reads.plus(duration);
            }
        }
        if (items == 0) {
            throw new IllegalArgumentException("no Spring Batch item events in " + recording
                    + ": was the job run with -XX:StartFlightRecording?");
        }
        return new StepTimeline(items, chunks, step, processing, writes, transactions, reads, slowestWrite,
                jvmStart == null ? Duration.ZERO : Duration.between(jvmStart, stepStart),
                Duration.between(stepEnd, lastEvent));
    }

    /** The step's time split as in the class comment, for a run with this latency and concurrency. */
    String report(int latencyMillis, int concurrency) {
        double stepSeconds = seconds(step);
        double calls = items * latencyMillis / 1000.0 / concurrency;
        double perItemOverhead = seconds(processing) / concurrency - calls;
        double writeSeconds = seconds(writes);
        // inside a chunk's transaction: reading, processing and writing; what processing left idle is the barrier
        double barrier = seconds(transactions) - writeSeconds - seconds(processing) / concurrency;
        double betweenChunks = stepSeconds - seconds(transactions);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  step (from the flight recording): %.1f s for %d items in %d chunks",
                stepSeconds, items, chunks));
        lines.add(line("calls (ideal)", calls, stepSeconds, items + " × " + latencyMillis + " ms ÷ " + concurrency));
        lines.add(line("per-item overhead", perItemOverhead, stepSeconds, String.format(Locale.ROOT,
                "%.0f ms per item beyond the latency", (seconds(processing) / items - latencyMillis / 1000.0) * 1000)));
        lines.add(line("chunk barrier", barrier, stepSeconds, "threads idle while a chunk waits for its slowest item"
                + " (reads: " + String.format(Locale.ROOT, "%.1f s", seconds(reads)) + ")"));
        lines.add(line("writes", writeSeconds, stepSeconds, String.format(Locale.ROOT,
                "%.0f ms per chunk, %.1f ms per item, slowest %d ms; no call in flight meanwhile",
                writeSeconds * 1000 / Math.max(1, chunks), writeSeconds * 1000 / items, slowestWriteMillis)));
        lines.add(line("between chunks", betweenChunks, stepSeconds, "commits, step bookkeeping, listeners"));
        lines.add(String.format(Locale.ROOT, "  outside the step: %.1f s from JVM start to the step (Spring, database,"
                + " engine set-up), %.1f s after it (run.json, digest) until the recording ends",
                seconds(beforeStep), seconds(afterStep)));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static String line(String label, double seconds, double total, String note) {
        return String.format(Locale.ROOT, "    %-18s %6.1f s %5.1f %%  %s", label, seconds, 100 * seconds / total, note);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
