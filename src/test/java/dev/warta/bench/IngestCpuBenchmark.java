package dev.warta.bench;

import dev.warta.article.Ingested;
import dev.warta.ingest.ArticleReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The processor time of ingestion alone (what the job's {@code warta-read} thread does per input file: decoding,
 * extraction, cleaning, language detection, content hash), per file, on one thread, round after round, and what it
 * read, so that a change meant only to make it cheaper can be shown to read the same:
 * <pre>
 * java [-XX:TieredStopAtLevel=1] -cp … dev.warta.bench.IngestCpuBenchmark [--articles 300] [--rounds 8]
 *     [--folder DIR] [--out FILE]
 * </pre>
 * Without {@code --folder} it reads {@link Benchmark}'s generated articles ({@link NewsArticleGenerator}, one in
 * eight long); with it, every file under DIR (for example {@code src/test/resources} and {@code input}). {@code --out}
 * writes every item read (articles with their metadata, language and hash, rejections with their reasons), one a
 * line, with the folder's path taken out: compare two versions' files with {@code cmp}.
 */
public final class IngestCpuBenchmark {

    private IngestCpuBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args, Map.of("articles", "300", "rounds", "8", "folder", "", "out", ""));
        Path folder;
        boolean generated = options.text("folder").isEmpty();
        if (generated) {
            folder = Files.createTempDirectory("warta-ingest-cpu");
            NewsArticleGenerator.write(folder, options.integer("articles"), 8);
        } else {
            folder = Path.of(options.text("folder")).toAbsolutePath();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ArticleReader reader = new ArticleReader();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> read = new ArrayList<>();
        for (int round = 1; round <= options.integer("rounds"); round++) {
            read.clear();
            long before = threads.getCurrentThreadCpuTime();
            for (Path file : files) {
                for (Ingested item : reader.read(file)) {
                    read.add(item.toString());
                }
            }
            double millis = (threads.getCurrentThreadCpuTime() - before) / 1e6;
            System.out.printf(Locale.ROOT, "round %d: %.3f ms of processor time per file (%d files, %d items)%n",
                    round, millis / files.size(), files.size(), read.size());
        }
        if (!options.text("out").isEmpty()) {
            StringBuilder text = new StringBuilder();
            read.forEach(item -> text.append(item.replace(folder.toString(), "FOLDER").replace("\n", "\\n"))
                    .append('\n'));
            Files.writeString(Path.of(options.text("out")), text, StandardCharsets.UTF_8);
            System.out.println("items written to " + options.text("out"));
        }
        if (generated) {
            for (Path file : files) {
                Files.delete(file);
            }
            Files.delete(folder);
        }
    }
}
