package dev.warta.offline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the offline engine with chrF on a parallel TSV ({@code id<TAB>indonesian<TAB>english}): the Indonesian
 * column goes through {@link TranslateCommand} exactly as {@code warta translate} runs it, and the score is printed
 * next to the copy-the-source baseline. A measuring tool, not part of the job:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.warta.offline.ChrfEvaluation EVAL/news-valid.ind-eng.tsv [--glossary PATH]},
 * EVAL being the folder of the development pairs (see docs/offline-engine.md).
 */
public final class ChrfEvaluation {

    private ChrfEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ChrfEvaluation FILE.tsv [translate options such as --glossary PATH]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        List<String> sources = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t", -1);
            if (columns.length < 3) {
                continue;
            }
            sources.add(columns[1]);
            references.add(columns[2]);
        }
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> options = new ArrayList<>(List.of("--engine", "offline"));
        options.addAll(Arrays.asList(args).subList(1, args.length));
        int exit = TranslateCommand.run(options,
                new ByteArrayInputStream(String.join("\n", sources).getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            System.err.print(err.toString(StandardCharsets.UTF_8));
            System.exit(exit);
        }
        List<String> hypotheses = out.toString(StandardCharsets.UTF_8).lines().toList();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("sentences: %d (%s)%n", sources.size(), file);
        System.out.printf("chrF copy-source baseline: %.2f%n", Chrf.corpusScore(sources, references));
        System.out.printf("chrF offline engine:       %.2f  (%d ms)%n", Chrf.corpusScore(hypotheses, references), millis);
    }
}
