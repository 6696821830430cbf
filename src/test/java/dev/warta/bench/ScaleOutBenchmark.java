package dev.warta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warta.store.Json;
import dev.warta.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of a scale-out run against one process: the built jar as a manager with {@code --workers} worker
 * processes on this machine, each at {@code --concurrency}, against {@link OpenAiSimulator} (a thread per request,
 * so it never holds calls back below the 64 in flight asked for), compared with one process at the same
 * concurrency, both on a fresh database of one embedded PostgreSQL. Prints each run and the medians. A command, not
 * a test (docs/benchmarks.md, "Scale-out").
 */
public final class ScaleOutBenchmark {

    private static final String DAY = "2026-11-30";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Map.of("articles", "400", "latency-ms", "500", "concurrency", "16",
                "workers", "2", "partitions", "4", "runs", "3", "jar", "target/warta.jar", "xmx", "256m",
                "jit", "c2", "gc", "serial"));
        if (!Benchmark.COLLECTORS.containsKey(options.text("gc"))) {
            System.err.println("--gc must be serial, g1 or parallel, was " + options.text("gc"));
            System.exit(2);
        }
        Path jar = Path.of(options.text("jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("no " + jar + ": build it first with ./mvnw -q package -DskipTests");
            System.exit(2);
        }
        int articles = options.integer("articles");
        int concurrency = options.integer("concurrency");
        Path work = Files.createTempDirectory("warta-scaleout-bench");
        Path input = work.resolve("input");
        ArticleGenerator.write(input, articles);
        List<Double> single = new ArrayList<>();
        List<Double> scaled = new ArrayList<>();
        try (OpenAiSimulator simulator = OpenAiSimulator.start(0, Duration.ofMillis(options.integer("latency-ms")))) {
            for (int run = 1; run <= options.integer("runs"); run++) {
                double one = runOnce(options, jar, work.resolve("single-" + run), input, simulator, 0);
                single.add(one);
                System.out.printf(Locale.ROOT, "run %d: one process at concurrency %d: %.1f s, %.1f articles/s%n",
                        run, concurrency, one, articles / one);
                double many = runOnce(options, jar, work.resolve("scaled-" + run), input, simulator,
                        options.integer("workers"));
                scaled.add(many);
                System.out.printf(Locale.ROOT, "run %d: manager + %d workers at concurrency %d: %.1f s, %.1f "
                        + "articles/s (%.2f x)%n", run, options.integer("workers"), concurrency, many, articles / many,
                        one / many);
            }
        }
        double medianSingle = median(single);
        double medianScaled = median(scaled);
        System.out.printf(Locale.ROOT, "%d articles, latency %d ms, concurrency %d per process, %d runs (medians):%n"
                        + "  one process     %.1f s  %.1f articles/s%n"
                        + "  %d workers       %.1f s  %.1f articles/s%n"
                        + "  throughput ratio %.2f x%n",
                articles, options.integer("latency-ms"), concurrency, options.integer("runs"), medianSingle,
                articles / medianSingle, options.integer("workers"), medianScaled, articles / medianScaled,
                medianSingle / medianScaled);
        System.exit(0);
    }

    /** One run on a fresh database; returns the run's duration from its run.json. */
    private static double runOnce(Options options, Path jar, Path folder, Path input, OpenAiSimulator simulator,
                                  int workers) throws Exception {
        Files.createDirectories(folder);
        TestDatabase database = TestDatabase.postgres();
        List<String> common = new ArrayList<>(List.of(
                "--warta.engine=openai", "--warta.llm.base-url=" + simulator.baseUrl(), "--warta.llm.api-key=bench",
                "--warta.llm.concurrency=" + options.integer("concurrency"),
                "--warta.chunk-size=" + 2 * options.integer("concurrency"), "--warta.run-date=" + DAY,
                "--warta.glossary=jobs/glossary.tsv"));
        common.addAll(database.arguments());
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 1; i <= workers; i++) {
                List<String> args = new ArrayList<>(List.of("worker"));
                args.addAll(common);
                started.add(java(options, jar, args, folder.resolve("worker-" + i + ".log")));
            }
            for (int i = 1; i <= workers; i++) {
                Path log = folder.resolve("worker-" + i + ".log");
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (!Files.readString(log).contains("waiting for partitions")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("worker " + i + " did not start: " + Files.readString(log));
                    }
                    Thread.sleep(200);
                }
            }
            List<String> args = new ArrayList<>(common);
            args.addAll(List.of("--input=" + input, "--output=" + folder.resolve("output")));
            if (workers > 0) {
                args.add("--warta.partitions=" + options.integer("partitions"));
            }
            Process job = java(options, jar, args, folder.resolve("job.log"));
            int exit = job.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the run ended with exit code " + exit + ": "
                        + Files.readString(folder.resolve("job.log")));
            }
            JsonNode run = Json.mapper().readTree(folder.resolve("output").resolve(DAY).resolve("run.json").toFile());
            return run.path("durationSeconds").asDouble();
        } finally {
            for (Process worker : started) {
                worker.destroy();
                if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            }
        }
    }

    private static Process java(Options options, Path jar, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + options.text("xmx")));
        // c1: every process as the README starts a single run (-XX:TieredStopAtLevel=1); c2: the JVM's default, as
        // jobs/warta-worker@.service starts the long-lived workers
        if ("c1".equals(options.text("jit"))) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        // serial (the default): as the README, jobs/warta.service and jobs/warta-worker@.service start Warta
        command.add(Benchmark.COLLECTORS.get(options.text("gc")));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
