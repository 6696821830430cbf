package dev.warta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Measures how close a Warta run comes to the fastest the model provider allows. For each article count it writes
 * that many short generated articles, starts an {@link OpenAiSimulator} with a fixed latency in this JVM, runs the
 * built jar ({@code target/warta.jar}) as a child process against it with a fresh database, and prints the wall
 * time against the ideal {@code articles × calls per article × latency ÷ concurrency}, the calls and tokens per
 * article, the call latency Warta saw, and the child's heap. It is a command, not a test.
 * <pre>
 * java -cp … dev.warta.bench.Benchmark --articles 100,500 --latency-ms 500 --concurrency 8 --runs 3
 *     [--chunk-size 16] [--xmx 256m] [--jit c1|c2] [--gc serial|g1|parallel] [--jvm "-XX:…"] [--keep true]
 *     [-- job options]
 * </pre>
 * {@code --jit c1} and {@code --gc serial} (the defaults) start the job as the README and {@code jobs/} do, with
 * {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}; {@code --jit c2} with the JVM's own tiered compilation,
 * {@code --gc g1} with the collector the JVM picks itself on a machine of two processors or more.
 * Options after a bare {@code --} go to the job unchanged (for example {@code -- --warta.llm.requests-per-minute=600}).
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_DATE = "2030-01-01";
    /** {@code --gc}: the JVM option of each collector. */
    static final Map<String, String> COLLECTORS = Map.of("serial", "-XX:+UseSerialGC", "g1", "-XX:+UseG1GC",
            "parallel", "-XX:+UseParallelGC");

    private final Settings settings;

    private Benchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param chunkSize articles per transaction; 0 means the job's own default
     * @param jvmOptions   extra options for the job's JVM, such as a profiler's
     * @param breakdown    record the job with Java Flight Recorder and split the step's time (see {@link StepTimeline})
     * @param jobArguments extra options for the job, after the benchmark's own
     * @param jit          {@code c1}: the quick compiler only, as the job is launched; {@code c2}: the JVM's default
     * @param gc           the garbage collector: {@code serial} as the job is launched, {@code g1} (the JVM's own
     *                     choice here) or {@code parallel}
     */
    record Settings(List<Integer> articles, int latencyMs, int concurrency, int chunkSize, String maxHeap, int runs,
                    Path jar, Path glossary, boolean keep, List<String> jvmOptions,
                    boolean breakdown, List<String> jobArguments, String kind, int longEvery, int fullGcEvery,
                    String jit, String gc) {

        Settings {
            for (int count : articles) {
                if (count < 1) {
                    throw new IllegalArgumentException("--articles must be positive, was " + count);
                }
            }
            if (latencyMs < 0) {
                throw new IllegalArgumentException("--latency-ms must not be negative, was " + latencyMs);
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("--concurrency must be at least 1, was " + concurrency);
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
            }
            if (!kind.equals("news") && !kind.equals("short")) {
                throw new IllegalArgumentException("--kind must be news or short, was " + kind);
            }
            if (!jit.equals("c1") && !jit.equals("c2")) {
                throw new IllegalArgumentException("--jit must be c1 or c2, was " + jit);
            }
            if (!COLLECTORS.containsKey(gc)) {
                throw new IllegalArgumentException("--gc must be serial, g1 or parallel, was " + gc);
            }
        }
    }

    /** One run of the job, as measured from outside and as the job reported it in run.json. */
    record Result(int articles, int exitCode, double wallSeconds, double jobSeconds, int read, int translated,
                  int modelCalls, long simulatorRequests, long promptTokens, long completionTokens, Long p50Millis,
                  Long p95Millis, GcLog heap, StepTimeline timeline, Duration jobCpu, Duration simulatorCpu,
                  EndpointActivity endpoint, Map<String, Double> cpuInWindow, Map<String, Double> cpuInSecondHalf,
                  double windowStartUptime, double windowEndUptime, long bytesWrittenInWindow) {

        double callsPerArticle() {
            return (double) modelCalls / articles;
        }

        double idealSeconds(Settings settings) {
            return articles * callsPerArticle() * settings.latencyMs() / 1000.0 / settings.concurrency();
        }

        /** The endpoint-busy ratio: the window the simulator was in use ÷ the ideal (see {@link EndpointActivity}). */
        double busyRatio(Settings settings) {
            return endpoint.windowSeconds() / idealSeconds(settings);
        }

        /** Processor milliseconds per article while the endpoint was in use, all threads of the job. */
        double cpuMillisPerArticle() {
            return cpuInWindow.values().stream().mapToDouble(Double::doubleValue).sum() * 1000 / articles;
        }

        /**
         * Processor milliseconds per article in the second half of the endpoint-busy window (steady state, the JIT
         * mostly done): that half's processor time over the articles its answered calls stand for (calls answered
         * in it ÷ calls per article).
         */
        double cpuMillisPerArticleInSecondHalf() {
            double articlesInHalf = endpoint.answeredInSecondHalf() / callsPerArticle();
            return cpuInSecondHalf.values().stream().mapToDouble(Double::doubleValue).sum() * 1000 / articlesInHalf;
        }

        /** The same, without the JDK HTTP client's own threads (its selector and workers). */
        double cpuMillisPerArticleOutsideHttpClient() {
            return cpuMillisPerArticle() - cpuInWindow.getOrDefault(ThreadCpu.GROUPS.get(0).getValue(), 0.0) * 1000
                    / articles;
        }

        long liveAfterFullGcInWindow() {
            return heap.maxLiveAfterFullBetween(windowStartUptime, windowEndUptime);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = settings(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(settings.jar())) {
            System.err.println("benchmark: no " + settings.jar() + ". Build it first: ./mvnw -q package -DskipTests");
            System.exit(2);
        }
        new Benchmark(settings).run();
    }

    private static Settings settings(String[] args) {
        int separator = Arrays.asList(args).indexOf("--");
        String[] own = separator < 0 ? args : Arrays.copyOfRange(args, 0, separator);
        List<String> jobArguments = separator < 0 ? List.of()
                : List.of(Arrays.copyOfRange(args, separator + 1, args.length));
        Options options = Options.parse(own, Map.ofEntries(
                Map.entry("articles", "500"), Map.entry("latency-ms", "500"), Map.entry("concurrency", "8"),
                Map.entry("chunk-size", "0"), Map.entry("xmx", "256m"), Map.entry("runs", "1"),
                Map.entry("jar", "target/warta.jar"), Map.entry("glossary", "jobs/glossary.tsv"),
                Map.entry("keep", "false"), Map.entry("jvm", ""), Map.entry("breakdown", "false"),
                Map.entry("kind", "news"), Map.entry("long-every", "8"), Map.entry("full-gc-every", "0"),
                Map.entry("jit", "c1"), Map.entry("gc", "serial")));
        return new Settings(options.integers("articles"), options.integer("latency-ms"),
                options.integer("concurrency"), options.integer("chunk-size"), options.text("xmx"),
                options.integer("runs"), Path.of(options.text("jar")).toAbsolutePath(),
                Path.of(options.text("glossary")).toAbsolutePath(), Boolean.parseBoolean(options.text("keep")),
                jvmOptions(options.text("jvm")), Boolean.parseBoolean(options.text("breakdown")), jobArguments,
                options.text("kind"), options.integer("long-every"), options.integer("full-gc-every"),
                options.text("jit"), options.text("gc"));
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Warta benchmark: %s articles%s, latency %d ms, concurrency %d, chunk size %s,"
                        + " -Xmx%s, JIT %s, %s, %d run(s) each, %d processors, load average %.2f%n", settings.kind(),
                settings.kind().equals("news") && settings.longEvery() > 0
                        ? " (1 in " + settings.longEvery() + " long enough to be chunked)" : "",
                settings.latencyMs(), settings.concurrency(),
                settings.chunkSize() > 0 ? Integer.toString(settings.chunkSize()) : "the job's default",
                settings.maxHeap(),
                settings.jit().equals("c1") ? "C1 only (-XX:TieredStopAtLevel=1)" : "tiered (C1+C2)",
                COLLECTORS.get(settings.gc()), settings.runs(), Runtime.getRuntime().availableProcessors(),
                loadAverage());
        List<List<Result>> all = new ArrayList<>();
        for (int articles : settings.articles()) {
            List<Result> results = new ArrayList<>();
            for (int run = 1; run <= settings.runs(); run++) {
                Result result = runOnce(articles);
                System.out.printf(Locale.ROOT, "%n%d articles, run %d of %d%n", articles, run, settings.runs());
                System.out.print(report(result));
                results.add(result);
            }
            all.add(results);
        }
        System.out.printf(Locale.ROOT, "%nSummary (median of %d run(s) each; ratio = time ÷ ideal; load average now"
                + " %.2f)%n", settings.runs(), loadAverage());
        System.out.println(summaryHeader());
        for (List<Result> results : all) {
            System.out.println(summaryLine(results));
        }
    }

    private Result runOnce(int articles) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("warta-bench-");
        try (OpenAiSimulator simulator = OpenAiSimulator.start(0, Duration.ofMillis(settings.latencyMs()))) {
            Path input = settings.kind().equals("short") ? ArticleGenerator.write(work.resolve("input"), articles)
                    : NewsArticleGenerator.write(work.resolve("input"), articles, settings.longEvery());
            Path output = work.resolve("output");
            Path gcLog = work.resolve("gc.log");
            Path childLog = work.resolve("job.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + settings.maxHeap(),
                    "-Xlog:gc,gc+heap+exit:file=" + gcLog));
            if (settings.jit().equals("c1")) {
                command.add("-XX:TieredStopAtLevel=1");
            }
            command.add(COLLECTORS.get(settings.gc()));
            command.addAll(settings.jvmOptions());
            Path recording = work.resolve("job.jfr");
            if (settings.breakdown()) {
                command.add("-XX:StartFlightRecording=filename=" + recording);
            }
            command.addAll(List.of("-jar", settings.jar().toString(),
                    "--input=" + input, "--output=" + output,
                    "--warta.run-date=" + RUN_DATE,
                    "--warta.engine=openai",
                    "--warta.llm.base-url=" + simulator.baseUrl(),
                    "--warta.llm.api-key=benchmark",
                    "--warta.llm.concurrency=" + settings.concurrency(),
                    "--warta.glossary=" + settings.glossary(),
                    "--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/warta")));
            if (settings.chunkSize() > 0) {
                command.add("--warta.chunk-size=" + settings.chunkSize());
            }
            command.addAll(settings.jobArguments());
            long started = System.nanoTime();
            Process job = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(childLog.toFile()).start();
            // Ctrl-C on the benchmark must not leave the job running against a simulator that is gone
            Thread stopJob = new Thread(job::destroy, "benchmark-stop-job");
            Runtime.getRuntime().addShutdownHook(stopJob);
            // the child's processor time, polled because it cannot be asked once the process is gone
            Duration jobCpu = Duration.ZERO;
            ThreadCpu threadCpu = new ThreadCpu(job.pid());
            long lastFullGc = System.nanoTime();
            while (!job.waitFor(150, TimeUnit.MILLISECONDS)) {
                jobCpu = job.info().totalCpuDuration().orElse(jobCpu);
                threadCpu.poll();
                if (settings.fullGcEvery() > 0 && simulator.requests() > 0
                        && System.nanoTime() - lastFullGc > settings.fullGcEvery() * 1_000_000_000L) {
                    fullGc(job.pid());
                    lastFullGc = System.nanoTime();
                }
            }
            int exitCode = job.exitValue();
            Runtime.getRuntime().removeShutdownHook(stopJob);
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            Path runJson = output.resolve(RUN_DATE).resolve("run.json");
            if (!Files.isRegularFile(runJson)) {
                throw new IllegalStateException("the job (exit code " + exitCode + ") wrote no " + runJson
                        + "; its output:\n" + tail(childLog));
            }
            if (exitCode != 0) {
                System.err.println("benchmark: the job exited with " + exitCode + "; its output:\n" + tail(childLog));
            }
            JsonNode summary = JSON.readTree(runJson.toFile());
            JsonNode calls = summary.path("calls");
            EndpointActivity endpoint = simulator.activity();
            return new Result(articles, exitCode, wallSeconds, summary.path("durationSeconds").asDouble(),
                    summary.path("counts").path("read").asInt(), summary.path("counts").path("translated").asInt(),
                    calls.path("modelCalls").asInt(), simulator.requests(), calls.path("promptTokens").asLong(),
                    calls.path("completionTokens").asLong(), nullableLong(calls.path("p50Millis")),
                    nullableLong(calls.path("p95Millis")), GcLog.read(gcLog),
                    settings.breakdown() ? StepTimeline.read(recording) : null, jobCpu, simulator.answerCpuTime(),
                    endpoint, threadCpu.secondsBetween(endpoint.firstArrivalNanos(), endpoint.lastAnswerNanos()),
                    threadCpu.secondsBetween(endpoint.middleNanos(), endpoint.lastAnswerNanos()),
                    (endpoint.firstArrivalNanos() - started) / 1e9, (endpoint.lastAnswerNanos() - started) / 1e9,
                    threadCpu.bytesWrittenBetween(endpoint.firstArrivalNanos(), endpoint.lastAnswerNanos()));
        } finally {
            if (settings.keep()) {
                System.out.println("kept the work folder: " + work);
            } else {
                delete(work);
            }
        }
    }

    private String report(Result r) {
        double ideal = r.idealSeconds(settings);
        StringBuilder out = new StringBuilder();
        out.append(row("articles read / translated", r.read() + " / " + r.translated()
                + (r.exitCode() == 0 ? "" : "   (job exit code " + r.exitCode() + ")")));
        out.append(row("model calls", r.modelCalls() + " (" + r.simulatorRequests() + " requests at the simulator), "
                + fmt(r.callsPerArticle(), 2) + " per article"));
        out.append(row("tokens per article", "prompt " + fmt((double) r.promptTokens() / r.articles(), 0)
                + ", completion " + fmt((double) r.completionTokens() / r.articles(), 0)));
        out.append(row("call latency seen", "p50 " + r.p50Millis() + " ms, p95 " + r.p95Millis() + " ms"));
        out.append(row("ideal", fmt(ideal, 1) + " s  (" + r.articles() + " × " + fmt(r.callsPerArticle(), 2)
                + " calls × " + settings.latencyMs() + " ms ÷ " + settings.concurrency() + ")"));
        EndpointActivity e = r.endpoint();
        out.append(row("endpoint busy (simulator)", fmt(e.windowSeconds(), 1) + " s  = " + fmt(r.busyRatio(settings), 3)
                + " × ideal; mean in flight " + fmt(e.meanInFlight(), 1) + " of " + settings.concurrency()
                + ", nothing in flight " + fmt(e.idleSeconds(), 1) + " s, mean call " + fmt(e.meanCallSeconds() * 1000, 0)
                + " ms"));
        out.append(row("job duration (run.json)", fmt(r.jobSeconds(), 1) + " s  = " + fmt(r.jobSeconds() / ideal, 3)
                + " × ideal"));
        out.append(row("process wall time", fmt(r.wallSeconds(), 1) + " s  = " + fmt(r.wallSeconds() / ideal, 3)
                + " × ideal (JVM and Spring start, end-of-run files: " + fmt(r.wallSeconds() - r.jobSeconds(), 1)
                + " s)"));
        out.append(row("heap", "peak in use " + mib(r.heap().peakUsedBytes()) + ", most kept after a GC "
                + mib(r.heap().maxLiveBytes()) + " (" + r.heap().collections() + " collections, -Xmx"
                + settings.maxHeap() + ")"));
        out.append(row("processor time", String.format(Locale.ROOT, "job %.1f s (%.0f ms per article), simulator"
                + " answers %.1f s, on %d processors shared with anything else running",
                r.jobCpu().toMillis() / 1000.0, (double) r.jobCpu().toMillis() / r.articles(),
                r.simulatorCpu().toMillis() / 1000.0, Runtime.getRuntime().availableProcessors())));
        out.append(row("processor time, endpoint busy", fmt(r.cpuMillisPerArticle(), 1) + " ms per article, "
                + fmt(r.cpuMillisPerArticleOutsideHttpClient(), 1) + " ms without the JDK HTTP client's threads:"));
        r.cpuInWindow().forEach((group, seconds) -> out.append(row("", String.format(Locale.ROOT,
                "%6.1f ms/article  %s", seconds * 1000 / r.articles(), group))));
        if (r.bytesWrittenInWindow() >= 0) {
            // nearly all of it is the H2 file's commits: the job's log and output files are written at the end
            out.append(row("bytes written, endpoint busy", fmt(r.bytesWrittenInWindow() / 1024.0 / r.articles(), 1)
                    + " KiB per article (the process's wchar: database file and log)"));
        }
        double articlesInHalf = r.endpoint().answeredInSecondHalf() / r.callsPerArticle();
        out.append(row("  second half of the window", fmt(r.cpuMillisPerArticleInSecondHalf(), 1)
                + " ms per article (steady state: " + r.endpoint().answeredInSecondHalf() + " calls answered, about "
                + fmt(articlesInHalf, 0) + " articles):"));
        r.cpuInSecondHalf().forEach((group, seconds) -> out.append(row("", String.format(Locale.ROOT,
                "%6.1f ms/article  %s", seconds * 1000 / articlesInHalf, group))));
        if (settings.fullGcEvery() > 0) {
            out.append(row("live heap, endpoint busy", "most kept after a full GC " + mib(r.liveAfterFullGcInWindow())
                    + " (" + r.heap().fullCollectionsBetween(r.windowStartUptime(), r.windowEndUptime())
                    + " full collections asked for with jcmd GC.run)"));
        }
        if (r.timeline() != null) {
            out.append(row("heap during the step", "most kept after a GC " + mib(r.heap().maxLiveBetween(
                    r.timeline().stepStartUptimeSeconds(), r.timeline().stepEndUptimeSeconds()))
                    + " (what remains is the end of the run: run.json and the digest list every article)"));
            out.append(r.timeline().report(settings.latencyMs(), settings.concurrency()));
        }
        return out.toString();
    }

    private static String summaryHeader() {
        return String.format(Locale.ROOT, "%8s %8s %9s %9s %10s %9s %9s %9s %10s %9s %9s %9s %9s %9s %9s",
                "articles", "calls/a", "ideal s", "busy s", "busy/ideal", "job s", "job/ideal", "wall s", "wall/ideal",
                "cpu ms/a", "-http", "2nd half", "p50 ms", "heap pk", "live/full");
    }

    private String summaryLine(List<Result> results) {
        Result any = results.get(0);
        double ideal = median(results, r -> r.idealSeconds(settings));
        double job = median(results, Result::jobSeconds);
        double wall = median(results, Result::wallSeconds);
        return String.format(Locale.ROOT,
                "%8d %8.2f %9.1f %9.1f %10.3f %9.1f %9.3f %9.1f %10.3f %9.1f %9.1f %9.1f %9.0f %9s %9s",
                any.articles(), median(results, Result::callsPerArticle), ideal,
                median(results, r -> r.endpoint().windowSeconds()), median(results, r -> r.busyRatio(settings)),
                job, job / ideal, wall, wall / ideal,
                median(results, Result::cpuMillisPerArticle),
                median(results, Result::cpuMillisPerArticleOutsideHttpClient),
                median(results, Result::cpuMillisPerArticleInSecondHalf),
                median(results, r -> r.p50Millis() == null ? Double.NaN : r.p50Millis()),
                mib((long) median(results, r -> r.heap().peakUsedBytes())),
                settings.fullGcEvery() > 0 ? mib((long) median(results, Result::liveAfterFullGcInWindow)) : "-");
    }

    private static double median(List<Result> results, ToDoubleFunction<Result> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "  %-27s %s%n", label, value);
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Asks the job for a full collection, so the GC log shows its live set at that moment. */
    private static void fullGc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
    }

    private static List<String> jvmOptions(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static Long nullableLong(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
