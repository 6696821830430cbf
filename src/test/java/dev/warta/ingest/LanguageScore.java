package dev.warta.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measurement command for {@link LanguageDetector}: reads a TSV of {@code id<TAB>indonesian<TAB>english} sentence
 * pairs and reports how often each side is detected as {@code id} and {@code en}, with the confusions. Sentences are
 * the hardest case: an article gives the detector ten to a hundred times more words.
 */
final class LanguageScore {

    private LanguageScore() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LanguageScore PAIRS.tsv");
            System.exit(2);
        }
        LanguageDetector detector = new LanguageDetector();
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Map<String, Integer> indonesian = new TreeMap<>();
        Map<String, Integer> english = new TreeMap<>();
        int pairs = 0;
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length < 3) {
                continue;
            }
            pairs++;
            indonesian.merge(detector.detect(columns[1]).language(), 1, Integer::sum);
            english.merge(detector.detect(columns[2]).language(), 1, Integer::sum);
        }
        System.out.printf("pairs %d%n", pairs);
        System.out.printf("indonesian side detected as id: %.3f  %s%n",
                indonesian.getOrDefault("id", 0) / (double) pairs, indonesian);
        System.out.printf("english side detected as en:    %.3f  %s%n",
                english.getOrDefault("en", 0) / (double) pairs, english);
    }
}
