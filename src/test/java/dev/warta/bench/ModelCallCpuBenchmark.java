package dev.warta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.llm.ModelCallPaths;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The processor time of one model call on the calling thread (what a model-call thread of the job spends on our
 * side of the wire: prompts, request JSON, the HTTP layer with its hashing, the answer's parsing), through
 * LangChain4j's {@code AiServices} and through the prepared calls ({@code PromptedCall}), alternating round by round
 * on the same client against the {@link OpenAiSimulator} with no latency. The short articles are
 * {@link Benchmark}'s ({@link NewsArticleGenerator}). The simulator's and the JDK HTTP client's threads are not
 * counted; the first round of each path is the JIT's warm-up and is left out of the median.
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp … dev.warta.bench.ModelCallCpuBenchmark [--calls 300] [--rounds 9]
 * </pre>
 */
public final class ModelCallCpuBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCallCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Map.of("calls", "300", "rounds", "9"));
        int calls = options.integer("calls");
        int rounds = options.integer("rounds");
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String[] parts = NewsArticleGenerator.article(i, false).strip().split("\n\n");
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("title", parts[0]);
            document.put("paragraphs", List.of(Arrays.copyOfRange(parts, 1, parts.length)));
            documents.add(JSON.writeValueAsString(document));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (OpenAiSimulator simulator = OpenAiSimulator.start(0, Duration.ZERO)) {
            Map<String, Function<String, Object>> paths = new LinkedHashMap<>();
            paths.put("AiServices", ModelCallPaths.articleCall(simulator.baseUrl(), true));
            paths.put("prepared", ModelCallPaths.articleCall(simulator.baseUrl(), false));
            Map<String, List<Double>> micros = new LinkedHashMap<>();
            paths.keySet().forEach(path -> micros.put(path, new ArrayList<>()));
            System.out.printf(Locale.ROOT, "Model calls on the calling thread: %d short articles a round, %d rounds, "
                    + "%d processors, load average %.2f%n", calls, rounds, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (int round = 1; round <= rounds; round++) {
                List<String> order = new ArrayList<>(paths.keySet());
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                StringBuilder line = new StringBuilder("round " + round + ":");
                for (String path : order) {
                    Function<String, Object> call = paths.get(path);
                    long start = threads.getCurrentThreadCpuTime();
                    for (String document : documents) {
                        call.apply(document);
                    }
                    double perCall = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / calls;
                    if (round > 1) {
                        micros.get(path).add(perCall);
                    }
                    line.append(String.format(Locale.ROOT, "  %s %.0f µs", path, perCall));
                }
                System.out.println(line);
            }
            double before = median(micros.get("AiServices"));
            double after = median(micros.get("prepared"));
            System.out.printf(Locale.ROOT, "median of rounds 2-%d: AiServices %.0f µs, prepared %.0f µs per call "
                    + "(%.2f x, %.0f µs less); load average now %.2f%n", rounds, before, after, after / before,
                    before - after, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
