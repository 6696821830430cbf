package dev.warta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a JVM run with {@code -Xlog:gc,gc+heap+exit:file=…} (unified logging, Java 9+): every
 * collection logs {@code 23M->5M(256M)} (used before -> used after (committed)), and at exit the heap's final use.
 *
 * @param peakUsedBytes     the most heap in use at any time: before the fullest collection, or at exit. It depends
 *                          on how long the collector lets garbage pile up (so on -Xmx), not only on what is kept.
 * @param maxLiveBytes      the most heap still in use just after a young or full collection: what the program was
 *                          holding on to (plus old garbage a young collection does not reclaim). This is the
 *                          figure that shows whether memory grows with the number of articles.
 * @param collections       how many collections the log shows
 */
record GcLog(long peakUsedBytes, long maxLiveBytes, long committedBytes, int collections, List<Collection> log) {

    /** One young or full collection: when (seconds since the JVM started) and what it left in use. */
    record Collection(double uptimeSeconds, long liveBytes, boolean full) {
    }

    /** The most heap kept after a full collection between two moments: the live set, whatever -Xmx is. */
    long maxLiveAfterFullBetween(double fromSeconds, double toSeconds) {
        return log.stream().filter(c -> c.full() && c.uptimeSeconds() >= fromSeconds && c.uptimeSeconds() <= toSeconds)
                .mapToLong(Collection::liveBytes).max().orElse(0);
    }

    /** Full collections between two moments. */
    long fullCollectionsBetween(double fromSeconds, double toSeconds) {
        return log.stream().filter(c -> c.full() && c.uptimeSeconds() >= fromSeconds && c.uptimeSeconds() <= toSeconds)
                .count();
    }

    /** The most heap kept after a young or full collection between two moments (seconds since the JVM started). */
    long maxLiveBetween(double fromSeconds, double toSeconds) {
        return log.stream().filter(c -> c.uptimeSeconds() >= fromSeconds && c.uptimeSeconds() <= toSeconds)
                .mapToLong(Collection::liveBytes).max().orElse(0);
    }

    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern UPTIME = Pattern.compile("^\\[([\\d.]+)s]");
    private static final Pattern USED_AT_EXIT = Pattern.compile("total (\\d+)K, used (\\d+)K");

    static GcLog read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no GC log at " + file + ": was the JVM started with -Xlog:gc…:file=?");
        }
        long peak = 0;
        long live = 0;
        long committed = 0;
        int collections = 0;
        List<Collection> log = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher collection = COLLECTION.matcher(line);
            if (collection.find()) {
                collections++;
                peak = Math.max(peak, bytes(collection.group(1), collection.group(2)));
                // Remark and Cleanup pauses free no objects: their "after" is not what survived a collection
                if (line.contains("Pause Young") || line.contains("Pause Full")) {
                    long after = bytes(collection.group(3), collection.group(4));
                    live = Math.max(live, after);
                    Matcher uptime = UPTIME.matcher(line);
                    if (uptime.find()) {
                        log.add(new Collection(Double.parseDouble(uptime.group(1)), after,
                                line.contains("Pause Full")));
                    }
                }
                committed = Math.max(committed, bytes(collection.group(5), collection.group(6)));
                continue;
            }
            Matcher exit = USED_AT_EXIT.matcher(line);
            if (exit.find()) {
                committed = Math.max(committed, Long.parseLong(exit.group(1)) * 1024);
                peak = Math.max(peak, Long.parseLong(exit.group(2)) * 1024);
            }
        }
        return new GcLog(peak, live, committed, collections, List.copyOf(log));
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        switch (unit) {
            case "G":
                return value << 30;
            case "M":
                return value << 20;
            default:
                return value << 10;
        }
    }
}
