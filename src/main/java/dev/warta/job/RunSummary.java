package dev.warta.job;

import dev.warta.article.ArticleStatus;
import dev.warta.article.Usage;
import dev.warta.store.StoredArticle;

import java.util.List;

/**
 * What a run did, written to {@code <output>/<run date>/run.json}, stored with the run, and printed at the end.
 * Lists every input item the run touched, so nothing is silently dropped.
 */
record RunSummary(
        long runId,
        String runDate,
        String startedAt,
        String finishedAt,
        double durationSeconds,
        String batchStatus,
        String engine,
        String model,
        Counts counts,
        Usage usage,
        List<Entry> articles) {

    record Counts(int read, int translated, int needsReview, int failed, int notArticle, int pending) {
    }

    record Entry(String id, String status, String reason, String sourcePath, String location, String title,
                 String translatedTitle, String file) {
    }

    static RunSummary of(long runId, String runDate, String startedAt, String finishedAt, double durationSeconds,
                         String batchStatus, String engine, String model, List<StoredArticle> articles) {
        Usage usage = Usage.NONE;
        int[] byStatus = new int[ArticleStatus.values().length];
        List<Entry> entries = new java.util.ArrayList<>();
        for (StoredArticle stored : articles) {
            byStatus[stored.status().ordinal()]++;
            if (stored.translation() != null) {
                usage = usage.plus(stored.translation().usage());
            }
            entries.add(new Entry(stored.id(), stored.status().code(), stored.reason(), stored.sourcePath(),
                    stored.location(), stored.title(),
                    stored.translation() == null ? null : stored.translation().title(),
                    stored.runDate() + "/" + stored.id() + ".json"));
        }
        Counts counts = new Counts(articles.size(), byStatus[ArticleStatus.TRANSLATED.ordinal()],
                byStatus[ArticleStatus.NEEDS_REVIEW.ordinal()], byStatus[ArticleStatus.FAILED.ordinal()],
                byStatus[ArticleStatus.NOT_ARTICLE.ordinal()], byStatus[ArticleStatus.PENDING.ordinal()]);
        return new RunSummary(runId, runDate, startedAt, finishedAt, durationSeconds, batchStatus, engine, model,
                counts, usage, List.copyOf(entries));
    }

    /** Every article ended delivered (translated or needing review) and the job itself completed. */
    boolean allDelivered() {
        return "COMPLETED".equals(batchStatus) && counts.failed() == 0 && counts.pending() == 0;
    }

    /** The end-of-run table for a terminal or a cron mail. */
    String table() {
        return String.join(System.lineSeparator(),
                "Warta run " + runId + " (" + runDate + ", engine " + engine + (model == null ? "" : ", model " + model)
                        + "): " + batchStatus.toLowerCase(java.util.Locale.ROOT),
                "  articles read      " + counts.read(),
                "  translated         " + (counts.translated() + counts.needsReview())
                        + (counts.needsReview() > 0 ? "  (" + counts.needsReview() + " need review)" : ""),
                "  failed             " + counts.failed(),
                "  not articles       " + counts.notArticle(),
                "  pending            " + counts.pending(),
                "  model calls        " + usage.calls(),
                "  tokens used        " + usage.totalTokens() + "  (prompt " + usage.promptTokens()
                        + ", completion " + usage.completionTokens() + ")",
                "  duration           " + String.format(java.util.Locale.ROOT, "%.1f s", durationSeconds));
    }
}
