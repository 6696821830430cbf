package dev.warta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The processor time of another process's threads, by kind of thread, polled from {@code /proc/PID/task} (Linux):
 * each thread's name (the first 15 characters the JVM gives it) and its user + system time. A thread that ends
 * keeps the time it had at the last poll. Samples are kept with their {@link System#nanoTime()}, so the time spent
 * inside any window can be read afterwards. On a system without {@code /proc} it records nothing.
 */
final class ThreadCpu {

    /** Kinds of threads, by the start of their name; the first that matches counts. */
    static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry("HttpClient-", "JDK HTTP client (selector, workers)"),
            Map.entry("warta-call-log", "call log and kept answers (database)"),
            Map.entry("warta-call", "model-call threads (prompts, JSON, checks, cache)"),
            Map.entry("warta-item-", "chunk collectors"),
            // the JVM does not name the main thread: it keeps the process's name
            Map.entry("java", "main (step: read, write, commit)"),
            Map.entry("C1 CompilerThre", "JIT compilers"),
            Map.entry("C2 CompilerThre", "JIT compilers"),
            Map.entry("GC Thread", "garbage collector"),
            Map.entry("G1 ", "garbage collector"),
            // the serial collector has no threads of its own: it collects on the VM thread, at a safepoint
            Map.entry("VM Thread", "VM thread (safepoints: the serial collector)"),
            Map.entry("", "other (VM, H2, logging)"));

    private static final long TICKS_PER_SECOND = 100;   // USER_HZ on every Linux we run on

    private final Path tasks;
    private final Map<String, Long> ticksByThread = new HashMap<>();
    private final Map<String, String> groupByThread = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    /** {@code bytesWritten}: the process's {@code wchar} (bytes handed to write calls: the database file, logs). */
    record Sample(long nanos, Map<String, Long> ticksByGroup, long bytesWritten) {
    }

    private final Path io;

    ThreadCpu(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
        this.io = Path.of("/proc", Long.toString(pid), "io");
    }

    /** Reads every thread's time now; call it often (every 100-200 ms). */
    synchronized void poll() {
        if (!Files.isDirectory(tasks)) {
            return;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String tid = thread.getFileName().toString();
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    if (!groupByThread.containsKey(tid)) {
                        groupByThread.put(tid, group(name(thread)));
                    }
                    ticksByThread.put(tid, ticks);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read: its last figure stands
                }
            }
        } catch (IOException processGone) {
            return;
        }
        Map<String, Long> byGroup = new HashMap<>();
        ticksByThread.forEach((tid, ticks) -> byGroup.merge(groupByThread.get(tid), ticks, Long::sum));
        samples.add(new Sample(System.nanoTime(), byGroup, bytesWritten()));
    }

    private long bytesWritten() {
        try {
            for (String line : Files.readAllLines(io)) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring("wchar:".length()).strip());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no /proc/PID/io (or the process is gone): the figure is left out
        }
        return -1;
    }

    /** Bytes the process handed to write calls between two moments, or -1 when {@code /proc/PID/io} was unreadable. */
    synchronized long bytesWrittenBetween(long fromNanos, long toNanos) {
        if (samples.isEmpty()) {
            return -1;
        }
        long from = nearest(fromNanos).bytesWritten();
        long to = nearest(toNanos).bytesWritten();
        return from < 0 || to < 0 ? -1 : to - from;
    }

    /** Processor seconds spent between two moments, by group, largest first; empty without samples. */
    synchronized Map<String, Double> secondsBetween(long fromNanos, long toNanos) {
        if (samples.isEmpty()) {
            return Map.of();
        }
        Sample from = nearest(fromNanos);
        Sample to = nearest(toNanos);
        Map<String, Double> seconds = new TreeMap<>();
        to.ticksByGroup().forEach((group, ticks) -> seconds.put(group,
                (ticks - from.ticksByGroup().getOrDefault(group, 0L)) / (double) TICKS_PER_SECOND));
        Map<String, Double> sorted = new LinkedHashMap<>();
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    private Sample nearest(long nanos) {
        Sample best = samples.get(0);
        for (Sample sample : samples) {
            if (Math.abs(sample.nanos() - nanos) < Math.abs(best.nanos() - nanos)) {
                best = sample;
            }
        }
        return best;
    }

    private static String name(Path thread) throws IOException {
        return Files.readString(thread.resolve("comm")).strip();
    }

    private static String group(String threadName) {
        for (Map.Entry<String, String> group : GROUPS) {
            if (threadName.startsWith(group.getKey())) {
                return group.getValue();
            }
        }
        return "other";
    }
}
