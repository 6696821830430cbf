package dev.warta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.llm.ModelCallPaths;
import dev.warta.llm.http.AnswerReadings;
import dev.warta.testing.OpenAiStub;

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
 * counted; the first round of each path is the JIT's warm-up and is left out of the median. Then, the same way, what
 * the HTTP layer spends reading each answer for its validity and usage: in one pass ({@code TokenEstimate.answer}),
 * or as the two whole-answer trees it read before.
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
            report("AiServices", "prepared", micros, rounds);
        }
        List<String> answers = documents.stream()
                .map(document -> OpenAiStub.completion(document, "stop", 1500, 900).body()).toList();
        Map<String, Function<String, Object>> readings = new LinkedHashMap<>();
        readings.put("two trees", AnswerReadings::asTwoTrees);
        readings.put("one pass", AnswerReadings::inOnePass);
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        readings.keySet().forEach(reading -> micros.put(reading, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            List<String> order = new ArrayList<>(readings.keySet());
            if (round % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (String reading : order) {
                Function<String, Object> read = readings.get(reading);
                long start = threads.getCurrentThreadCpuTime();
                for (String answer : answers) {
                    read.apply(answer);
                }
                if (round > 1) {
                    micros.get(reading).add((threads.getCurrentThreadCpuTime() - start) / 1_000.0 / calls);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Answers read (%d of about %d characters):%n", answers.size(),
                answers.stream().mapToInt(String::length).sum() / answers.size());
        report("two trees", "one pass", micros, rounds);
    }

    private static void report(String before, String after, Map<String, List<Double>> micros, int rounds) {
        double beforeMedian = median(micros.get(before));
        double afterMedian = median(micros.get(after));
        System.out.printf(Locale.ROOT, "median of rounds 2-%d: %s %.1f µs, %s %.1f µs each (%.2f x, %.1f µs less);"
                + " load average now %.2f%n", rounds, before, beforeMedian, after, afterMedian,
                afterMedian / beforeMedian, beforeMedian - afterMedian,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
