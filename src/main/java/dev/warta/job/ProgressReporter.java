package dev.warta.job;

import dev.warta.store.ArticleOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

import java.io.Console;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows how far a run is: a single self-updating line on a terminal, or a log line every
 * {@link #LOG_INTERVAL} when the output goes to a file or a cron mail.
 */
@Component
class ProgressReporter implements ItemWriteListener<ArticleOutcome> {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    private final EngineSelector engines;
    private final Console terminal = System.console();
    private volatile int filesTotal;
    private volatile int filesStarted;
    private int itemsDone;
    private long startNanos;
    private long lastLogNanos;

    ProgressReporter(EngineSelector engines) {
        this.engines = engines;
    }

    void start() {
        startNanos = System.nanoTime();
        lastLogNanos = startNanos;
        itemsDone = 0;
    }

    /** Called by the reader as it opens each input file. */
    void fileStarted(int index, int total) {
        filesStarted = index + 1;
        filesTotal = total;
    }

    @Override
    public void afterWrite(Chunk<? extends ArticleOutcome> items) {
        itemsDone += items.size();
        long now = System.nanoTime();
        if (terminal != null) {
            System.out.print("\r" + line(now) + "   ");
            System.out.flush();
        } else if (now - lastLogNanos >= LOG_INTERVAL.toNanos()) {
            lastLogNanos = now;
            log.info(line(now));
        }
    }

    /** Ends the terminal line so the report that follows starts on its own line. */
    void finish() {
        if (terminal != null && itemsDone > 0) {
            System.out.println();
        }
    }

    private String line(long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 0.001);
        double rate = itemsDone / seconds;
        int filesLeft = Math.max(filesTotal - filesStarted, 0);
        double filesPerSecond = filesStarted / seconds;
        String eta = filesLeft == 0 || filesPerSecond == 0 ? "-" : formatDuration(filesLeft / filesPerSecond);
        // tokens paid for in this process; answers reused from earlier requests cost none
        long tokens = engines.metrics().snapshot().totalTokens();
        return String.format(Locale.ROOT, "%d articles done, file %d/%d, %.1f articles/min, ETA %s, %d tokens",
                itemsDone, filesStarted, filesTotal, rate * 60, eta, tokens);
    }

    private static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
