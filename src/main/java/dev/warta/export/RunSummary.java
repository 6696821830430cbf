package dev.warta.export;

import dev.warta.article.ArticleStatus;
import dev.warta.store.ArticleRepository.RunCounts;
import dev.warta.store.ArticleRepository.RunListing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run did, written to {@code <output>/<run date>/run.json}, stored with the run, and printed at the end.
 * The file also lists every input item the run touched, so nothing is silently dropped; those entries are streamed
 * from the database into the file by {@link RunExporter} rather than held here.
 *
 * @param status   {@code completed}, {@code stopped} (by a signal; a rerun continues) or {@code failed}
 * @param message  one sentence for the operator when something needs attention, else {@code null}
 * @param partitions a scale-out run's partitions (which worker did which, how each ended); absent for a run in one
 *                 process
 */
public record RunSummary(
        long runId,
        String runDate,
        String startedAt,
        String finishedAt,
        double durationSeconds,
        String status,
        String message,
        String engine,
        String model,
        Counts counts,
        Calls calls,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<Partition> partitions) {

    /** A run in one process: no partitions. */
    public RunSummary(long runId, String runDate, String startedAt, String finishedAt, double durationSeconds,
                      String status, String message, String engine, String model, Counts counts, Calls calls) {
        this(runId, runDate, startedAt, finishedAt, durationSeconds, status, message, engine, model, counts, calls,
                List.of());
    }

    /**
     * One partition of a scale-out run.
     *
     * @param worker   host/pid of the worker that ran it last
     * @param status   completed | failed | lost (its worker stopped answering) | interrupted (its worker's database
     *                 connections broke) | stopped | waiting | running
     * @param attempts how many times a worker took it (more than one after a worker was lost)
     * @param written  items the last attempt committed (a partition run again skips what was committed before)
     * @param reason   why it did not complete, in one line
     * @param earlierFailures why its earlier attempts did not complete ({@code attempt 1: worker … stopped
     *                 answering …; attempt 2: …}), or null: a partition run again and completed still says so
     */
    public record Partition(int partition, int items, String status, String worker, int attempts, int written,
                            String reason, String earlierFailures) {
    }

    /**
     * Items by outcome. {@code translated} includes those that need review, those reused from the cache and those an
     * editor had approved (kept as the editor left them).
     */
    public record Counts(int read, int translated, int cached, int needsReview, int failed, int notArticle, int pending) {
    }

    /**
     * What the model endpoint was asked in this run, over every process that worked on it (cached articles and
     * reused answers cost nothing): the requests the endpoint saw and the tokens it billed.
     *
     * @param modelCalls       requests sent that reached the endpoint, retries included
     * @param estimatedTokens  the part of the tokens that is our estimate (answers cut off before their usage)
     * @param reusedAnswers    answers served from earlier identical requests instead of being bought again
     * @param estimatedCostUsd {@code null} when no call was made or the model's price is not configured
     * @param p50Millis        median call latency, {@code null} when no call was made
     */
    public record Calls(int modelCalls, int retries, long promptTokens, long completionTokens, long estimatedTokens,
                        int reusedAnswers, Double estimatedCostUsd, Long p50Millis, Long p95Millis, BatchUse batch) {

        public Calls(int modelCalls, int retries, long promptTokens, long completionTokens, long estimatedTokens,
                     int reusedAnswers, Double estimatedCostUsd, Long p50Millis, Long p95Millis) {
            this(modelCalls, retries, promptTokens, completionTokens, estimatedTokens, reusedAnswers,
                    estimatedCostUsd, p50Millis, p95Millis, null);
        }

        public long totalTokens() {
            return promptTokens + completionTokens;
        }
    }

    /**
     * What the run's batches did ({@code warta.llm.mode=batch}); {@code null} when it had none. The tokens here are
     * not among the calls' tokens: the synchronous path reused these answers.
     *
     * @param batchIds        the provider's ids, in the order submitted (a re-submission after an expired batch
     *                        adds one)
     * @param status          the last batch's final status ({@code completed}, {@code expired}, …), or where it is
     * @param requests        requests submitted, over all batches
     * @param answered        answers kept
     * @param costUsd         the tokens at the batch price; {@code null} when the model's price is unknown
     * @param savedUsd        what the same tokens would have cost synchronously, less {@code costUsd}
     * @param uploadedAt      when the first input file was uploaded
     * @param endedAt         when the last batch was seen ended; {@code null} while one is in flight
     * @param waitedSeconds   from the first upload to the last batch's end
     */
    public record BatchUse(List<String> batchIds, String status, int requests, int answered, long promptTokens,
                           long completionTokens, Double costUsd, Double savedUsd, String uploadedAt, String endedAt,
                           Double waitedSeconds) {
    }

    public record Entry(String id, String status, boolean cached, String reason, String sourcePath, String location,
                 String title, String translatedTitle, String file) {
    }

    public static Counts count(RunCounts counts) {
        return new Counts(counts.total(),
                counts.of(ArticleStatus.TRANSLATED) + counts.of(ArticleStatus.NEEDS_REVIEW)
                        + counts.of(ArticleStatus.REVIEWED), counts.cached(),
                counts.of(ArticleStatus.NEEDS_REVIEW), counts.of(ArticleStatus.FAILED),
                counts.of(ArticleStatus.NOT_ARTICLE), counts.of(ArticleStatus.PENDING));
    }

    static Entry entry(RunListing item) {
        return new Entry(item.id(), item.status(), item.cached(), item.reason(), item.sourcePath(), item.location(),
                item.title(), item.translatedTitle(), item.runDate() + "/" + item.id() + ".json");
    }

    /** Every article ended delivered (translated or needing review) and the job itself completed. */
    public boolean allDelivered() {
        return "completed".equals(status) && counts.failed() == 0 && counts.pending() == 0;
    }

    /** The end-of-run table for a terminal or a cron mail. */
    public String table() {
        List<String> lines = new ArrayList<>();
        lines.add("Warta run " + runId + " (" + runDate + ", engine " + engine + (model == null ? "" : ", model " + model)
                + "): " + status);
        lines.add(row("articles read", counts.read()));
        lines.add(row("translated", counts.translated())
                + (counts.cached() > 0 ? "  (" + counts.cached() + " from earlier runs, no model call)" : ""));
        lines.add(row("need review", counts.needsReview()));
        lines.add(row("failed", counts.failed()));
        lines.add(row("not articles", counts.notArticle()));
        lines.add(row("pending", counts.pending()));
        lines.add(row("model calls", calls.modelCalls()) + (calls.retries() > 0 ? "  (" + calls.retries()
                + " retries)" : ""));
        lines.add(row("tokens used", calls.totalTokens()) + "  (prompt " + calls.promptTokens() + ", completion "
                + calls.completionTokens() + (calls.estimatedTokens() > 0 ? ", " + calls.estimatedTokens()
                + " estimated" : "") + ")");
        if (calls.reusedAnswers() > 0) {
            lines.add(row("answers reused", calls.reusedAnswers()) + "  (paid for before, not bought again)");
        }
        BatchUse batch = calls.batch();
        if (batch != null) {
            lines.add(String.format(Locale.ROOT, "  %-18s %s: %d requests, %d answered, %s%s", "batch",
                    String.join(", ", batch.batchIds()), batch.requests(), batch.answered(), batch.status(),
                    batch.waitedSeconds() == null ? "" : String.format(Locale.ROOT, " after %.1f s",
                            batch.waitedSeconds())));
            lines.add(row("batch tokens", batch.promptTokens() + batch.completionTokens()) + "  (prompt "
                    + batch.promptTokens() + ", completion " + batch.completionTokens() + ", at the batch price)");
            if (batch.savedUsd() != null) {
                lines.add(String.format(Locale.ROOT, "  %-18s USD %.4f  (batch USD %.4f instead of USD %.4f)",
                        "saved vs sync", batch.savedUsd(), batch.costUsd(), batch.costUsd() + batch.savedUsd()));
            }
        }
        if (calls.estimatedCostUsd() != null) {
            lines.add(String.format(Locale.ROOT, "  %-18s USD %.4f", "estimated cost", calls.estimatedCostUsd()));
        }
        if (calls.p50Millis() != null) {
            lines.add(String.format(Locale.ROOT, "  %-18s p50 %d ms, p95 %d ms", "call latency", calls.p50Millis(),
                    calls.p95Millis()));
        }
        lines.add(String.format(Locale.ROOT, "  %-18s %.1f s", "duration", durationSeconds));
        if (partitions != null && !partitions.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "  %-9s %6s %6s %-10s %8s  %s", "partition", "items", "done",
                    "status", "attempts", "worker"));
            int items = 0;
            int done = 0;
            for (Partition partition : partitions) {
                int partitionDone = "completed".equals(partition.status()) ? partition.items() : partition.written();
                items += partition.items();
                done += partitionDone;
                lines.add(String.format(Locale.ROOT, "  %-9d %6d %6d %-10s %8d  %s%s%s", partition.partition(),
                        partition.items(), partitionDone, partition.status(), partition.attempts(),
                        partition.worker() == null ? "-" : partition.worker(),
                        partition.reason() == null ? "" : "  (" + partition.reason() + ")",
                        partition.earlierFailures() == null ? "" : "  (before: " + partition.earlierFailures() + ")"));
            }
            lines.add(String.format(Locale.ROOT, "  %-9s %6d %6d", "total", items, done));
        }
        if (message != null) {
            lines.add(message);
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String row(String label, long value) {
        return String.format(Locale.ROOT, "  %-18s %d", label, value);
    }
}
