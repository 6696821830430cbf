package dev.warta.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a job's processor time went, from the CPU samples of a flight recording ({@code jdk.ExecutionSample}, one
 * every 20 ms of running Java code per thread): the share of samples whose stack contains each of Warta's
 * suspects (inclusive: a method and everything it calls), and the methods most often on top of the stack (self).
 * Only samples from the translation step (between Spring Batch's step start and end events) count, so start-up and
 * the export do not blur the picture.
 * <pre>
 * java -cp … dev.warta.bench.CpuProfile KEPT_FOLDER/job.jfr [top]
 * </pre>
 */
public final class CpuProfile {

    /** Suspects, by a prefix of {@code class.method}; a sample counts once for each suspect on its stack. */
    private static final List<String> SUSPECTS = List.of(
            "dev.warta.job.ArticleProcessor.process",
            "dev.warta.llm.ModelTranslationEngine.translate",
            "dev.langchain4j.service.DefaultAiServices",
            "dev.langchain4j.model.openai.OpenAiChatModel.doChat",
            "dev.langchain4j.service.output.",
            "dev.langchain4j.model.chat.request.json.",
            "dev.langchain4j.internal.Json",
            "dev.warta.llm.http.ResilientHttpClient.execute",
            "jdk.internal.net.http.",
            "dev.warta.chunk.ArticleChunker",
            "com.knuddels.jtokkit.",
            "dev.warta.article.Glossary.termsIn",
            "dev.warta.faithfulness.FaithfulnessChecker",
            "dev.warta.store.TranslationCache.put",
            "dev.warta.store.TranslationCache.find",
            "dev.warta.store.ArticleRepository",
            "dev.warta.store.ModelAnswerRepository",
            "dev.warta.store.ModelCallRepository",
            "dev.warta.store.Json",
            "dev.warta.llm.http.TokenEstimate",
            "dev.warta.ingest.ArticleReader.read",
            "dev.warta.job.IngestedItemReader",
            "dev.warta.store.ArticleWriter.write",
            "org.h2.",
            "org.h2.mvstore.MVStore.commit",
            "org.h2.mvstore.FileStore",
            "org.springframework.batch.",
            "com.fasterxml.jackson.",
            "java.util.regex.",
            "dev.warta.offline.");

    private CpuProfile() {
    }

    public static void main(String[] args) throws IOException {
        Path recording = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Instant stepStart = null;
        Instant stepEnd = null;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            // the longest step is the translation step (the export step is short)
            if (event.getEventType().getName().endsWith(".StepExecutionEvent") && (stepStart == null
                    || event.getDuration().compareTo(java.time.Duration.between(stepStart, stepEnd)) > 0)) {
                stepStart = event.getStartTime();
                stepEnd = event.getEndTime();
            }
        }
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                if (stepStart != null && (event.getStartTime().isBefore(stepStart)
                        || event.getStartTime().isAfter(stepEnd))) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                String thread = event.getThread("sampledThread") == null ? "?"
                        : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("\\d+$", "N"), 1, Integer::sum);
                self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                Set<String> oursSeen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String method = name(frame);
                    if (method.startsWith("dev.warta.") && oursSeen.add(method)) {
                        ours.merge(method, 1, Integer::sum);
                    }
                    for (String suspect : SUSPECTS) {
                        if (method.startsWith(suspect) && seen.add(suspect)) {
                            inclusive.merge(suspect, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d CPU samples during the step (%s)%n", samples,
                stepStart == null ? "no step events: the whole recording" : "step events found");
        System.out.println("\nBy thread:");
        print(threads, samples, top);
        System.out.println("\nInclusive (the suspect and what it calls):");
        print(inclusive, samples, SUSPECTS.size());
        System.out.println("\nWarta's own methods, inclusive:");
        print(ours, samples, top);
        System.out.println("\nSelf (top of the stack):");
        print(self, samples, top);
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf(Locale.ROOT, "  %5.1f %%  %6d  %s%n",
                        100.0 * entry.getValue() / samples, entry.getValue(), entry.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
