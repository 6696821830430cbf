package dev.warta.bench;

import dev.warta.article.Article;
import dev.warta.article.Ingested;
import dev.warta.faithfulness.CheckResult;
import dev.warta.faithfulness.FaithfulnessChecker;
import dev.warta.ingest.ArticleReader;
import dev.warta.testing.SimulatedTranslator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The processor time of the faithfulness checks alone, per article, with nothing else running in the JVM: the
 * held-out news pairs of {@link ChecksBenchmark} made into its articles (6 sentences in 3 paragraphs, the human
 * reference as the translation), checked by {@link FaithfulnessChecker#checkArticle} round after round on one thread.
 * The first rounds include the JIT's warm-up; the last ones are the steady state. It prints the number of failures
 * too, which must not change when only the checks' speed does.
 * <pre>
 * java [-XX:TieredStopAtLevel=1] -cp … dev.warta.bench.ChecksCpuBenchmark
 *     --pairs PAIRS.tsv [--rounds 8]      (id TAB indonesian TAB english: the development pairs, docs/benchmarks.md)
 * java [-XX:TieredStopAtLevel=1] -cp … dev.warta.bench.ChecksCpuBenchmark --kind news [--articles 300] [--rounds 8]
 * </pre>
 * {@code --kind news} checks what {@link Benchmark} makes the job check instead: its generated articles
 * ({@link NewsArticleGenerator}, read by the real {@link ArticleReader}) with the simulator's English
 * ({@link SimulatedTranslator#english}), title and body, so the figures compare with the job's model-call threads.
 * Later rounds check the same articles again, so the processor caches and the JIT are warmer than in a
 * real run, where most articles are new: read the first round as the cold figure.
 */
public final class ChecksCpuBenchmark {

    private ChecksCpuBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args, Map.of("pairs", "", "rounds", "8", "kind", "pairs", "articles", "300"));
        if (options.text("kind").equals("news")) {
            news(options);
            return;
        }
        if (options.text("pairs").isEmpty()) {
            throw new IllegalArgumentException("--pairs FILE.tsv is required (id<TAB>indonesian<TAB>english)");
        }
        List<String[]> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(options.text("pairs")))) {
            String[] columns = line.split("\t");
            if (columns.length >= 3) {
                pairs.add(new String[] {columns[1], columns[2]});
            }
        }
        List<List<String>> sources = new ArrayList<>();
        List<List<String>> references = new ArrayList<>();
        for (int first = 0; first + 6 <= pairs.size(); first += 6) {
            List<String> source = new ArrayList<>();
            List<String> reference = new ArrayList<>();
            for (int paragraph = 0; paragraph < 3; paragraph++) {
                String[] one = pairs.get(first + 2 * paragraph);
                String[] two = pairs.get(first + 2 * paragraph + 1);
                source.add(one[0] + " " + two[0]);
                reference.add(one[1] + " " + two[1]);
            }
            sources.add(source);
            references.add(reference);
        }
        timeRounds(options.integer("rounds"), Collections.nCopies(sources.size(), "Judul"), sources,
                Collections.nCopies(sources.size(), "Title"), references);
    }

    /** The benchmark's own articles, as the job reads them, with the simulator's English. */
    private static void news(Options options) throws IOException {
        Path folder = Files.createTempDirectory("warta-checks-cpu");
        ArticleReader reader = new ArticleReader();
        List<Article> articles = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<List<String>> englishes = new ArrayList<>();
        int count = options.integer("articles");
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve("article-" + i + ".txt");
            // one in eight long enough to be chunked, as Benchmark writes them
            Files.writeString(file, NewsArticleGenerator.article(i, i % 8 == 4));
            for (Ingested item : reader.read(file)) {
                if (item instanceof Article article) {
                    articles.add(article);
                    titles.add(SimulatedTranslator.english(article.title()));
                    englishes.add(article.paragraphs().stream().map(SimulatedTranslator::english).toList());
                }
            }
            Files.delete(file);
        }
        Files.delete(folder);
        long wide = articles.stream().flatMap(article -> article.paragraphs().stream())
                .filter(paragraph -> paragraph.chars().anyMatch(c -> c > 0xFF)).count()
                + englishes.stream().flatMap(List::stream).filter(text -> text.chars().anyMatch(c -> c > 0xFF))
                .count();
        long all = articles.stream().mapToLong(article -> article.paragraphs().size()).sum() * 2;
        System.out.printf(Locale.ROOT, "%d articles, %d of %d paragraphs (source and English) hold a character"
                + " outside Latin-1%n", articles.size(), wide, all);
        timeRounds(options.integer("rounds"), articles.stream().map(Article::title).toList(),
                articles.stream().map(Article::paragraphs).toList(), titles, englishes);
    }

    /** Checks every article once a round, on this thread, and prints each round's processor time per article. */
    private static void timeRounds(int rounds, List<String> sourceTitles, List<List<String>> sources,
                                   List<String> englishTitles, List<List<String>> englishes) {
        FaithfulnessChecker checker = new FaithfulnessChecker();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long before = threads.getCurrentThreadCpuTime();
            long failures = 0;
            for (int i = 0; i < sources.size(); i++) {
                CheckResult result = checker.checkArticle(sourceTitles.get(i), sources.get(i), englishTitles.get(i),
                        englishes.get(i), "A summary. Of two sentences.", List.of("one", "two", "three"),
                        List.of("news"), Map.of(), List.of(), "en");
                failures += result.failures().size();
            }
            double millis = (threads.getCurrentThreadCpuTime() - before) / 1e6;
            System.out.printf(Locale.ROOT, "round %d: %.2f ms of processor time per article (%d articles, %d"
                    + " failures)%n", round, millis / sources.size(), sources.size(), failures);
        }
    }
}
