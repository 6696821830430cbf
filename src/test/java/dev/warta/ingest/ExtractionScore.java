package dev.warta.ingest;

import dev.warta.article.Article;
import dev.warta.article.Ingested;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores extraction against hand-written expectations: for every {@code NAME.expected.txt} (title on the first
 * line, a blank line, then one paragraph a line) next to an input {@code NAME.html|.htm|.txt}, the body's token F1
 * (bag of lower-cased words, as extraction benchmarks such as trafilatura's count it) and whether the title is exact.
 */
final class ExtractionScore {

    record PageScore(String name, boolean titleExact, double precision, double recall, double f1, String note) {
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private ExtractionScore() {
    }

    static List<PageScore> scoreFolder(Path folder, ArticleReader reader) {
        List<PageScore> scores = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path expected : files.filter(f -> f.getFileName().toString().endsWith(".expected.txt")).sorted()
                    .toList()) {
                scores.add(score(expected, reader));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scores;
    }

    static PageScore score(Path expectedFile, ArticleReader reader) throws IOException {
        String name = expectedFile.getFileName().toString().replace(".expected.txt", "");
        Path input = Stream.of(".html", ".htm", ".txt")
                .map(extension -> expectedFile.resolveSibling(name + extension))
                .filter(Files::exists).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input next to " + expectedFile));
        List<String> lines = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        String expectedTitle = lines.get(0);
        String expectedBody = String.join("\n", lines.subList(2, lines.size()));
        List<Ingested> items = reader.read(input);
        if (items.size() != 1 || !(items.get(0) instanceof Article article)) {
            return new PageScore(name, false, 0, 0, 0, "not read as one article: " + items);
        }
        double[] prf = tokenF1(expectedBody, article.body());
        return new PageScore(name, expectedTitle.equals(article.title()), prf[0], prf[1], prf[2],
                expectedTitle.equals(article.title()) ? "" : "title was: " + article.title());
    }

    /** Precision, recall and F1 of the extracted words against the expected words (multisets). */
    static double[] tokenF1(String expected, String actual) {
        Map<String, Integer> want = counts(expected);
        Map<String, Integer> got = counts(actual);
        int overlap = 0;
        for (Map.Entry<String, Integer> entry : got.entrySet()) {
            overlap += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
        }
        int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
        int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
        double precision = gotTotal == 0 ? 0 : (double) overlap / gotTotal;
        double recall = wantTotal == 0 ? 0 : (double) overlap / wantTotal;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            counts.merge(matcher.group(), 1, Integer::sum);
        }
        return counts;
    }

    static void print(List<PageScore> scores, PrintStream out) {
        out.printf("%-28s %6s %6s %6s  %s%n", "page", "P", "R", "F1", "title");
        for (PageScore score : scores) {
            out.printf("%-28s %6.3f %6.3f %6.3f  %s %s%n", score.name(), score.precision(), score.recall(),
                    score.f1(), score.titleExact() ? "exact" : "WRONG", score.note());
        }
        double mean = scores.stream().mapToDouble(PageScore::f1).average().orElse(0);
        long exact = scores.stream().filter(PageScore::titleExact).count();
        out.printf("mean body F1 %.3f over %d pages; titles exact %d/%d%n", mean, scores.size(), exact,
                scores.size());
    }

    /** Measurement command: {@code FOLDER} holds inputs with their {@code .expected.txt}. */
    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/ingest/pages");
        print(scoreFolder(folder, new ArticleReader()), System.out);
    }
}
