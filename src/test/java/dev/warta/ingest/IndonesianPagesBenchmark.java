package dev.warta.ingest;

import dev.warta.article.Article;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures extraction on saved pages of Indonesian news sites that the extractor was not written against (issue 14's
 * "mean body F1 ≥ 0.93 on Indonesian news pages the project has not seen"). The folder holds the pages, a
 * {@code pages.tsv} manifest ({@code page, outlet, kind, repository, path, commit}; {@code #} starts a comment) and,
 * for each page of kind {@code article} or {@code brief}, its {@code NAME.expected.txt} written by hand in the form
 * {@link ExtractionScore} reads (title, blank line, one paragraph a line, no dateline).
 *
 * <p>An {@code article} or {@code brief} page scores the body token F1 of {@link ExtractionScore#tokenF1} (0 when
 * it is not read as one article) and its verdict is right when it is delivered; a brief must also be labelled
 * {@code brief}. A page of any other kind ({@code index}, {@code feed}, {@code gallery}) must be rejected as
 * {@code NOT_ARTICLE}, and the reason is printed. {@code --half} keeps one of the two fixed halves of
 * {@link ExtractionBenchmark#halfOf}, so the extractor can be tuned on one and measured on the other.
 *
 * <pre>java -cp … dev.warta.ingest.IndonesianPagesBenchmark FOLDER [--half tune|heldout] [--show PAGE]</pre>
 * Nothing of FOLDER is committed: the pages and their text belong to their outlets.
 */
final class IndonesianPagesBenchmark {

    record Page(String name, String outlet, String kind) {

        boolean isStory() {
            return kind.equals("article") || kind.equals("brief");
        }
    }

    record Result(Page page, double precision, double recall, double f1, boolean verdictRight, String verdict) {
    }

    private IndonesianPagesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: IndonesianPagesBenchmark FOLDER [--half tune|heldout] [--show PAGE]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        String half = null;
        String show = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--half") && i + 1 < args.length) {
                half = args[++i];
            } else if (args[i].equals("--show") && i + 1 < args.length) {
                show = args[++i];
            }
        }
        ArticleReader reader = new ArticleReader();
        List<Result> results = new ArrayList<>();
        for (Page page : manifest(folder)) {
            if (half != null && !half.equals(ExtractionBenchmark.halfOf(page.name() + ".html"))
                    || show != null && !show.equals(page.name())) {
                continue;
            }
            List<Ingested> items = reader.read(folder.resolve(page.name() + ".html"));
            if (show != null) {
                items.forEach(item -> System.out.println(item instanceof Article article
                        ? "TITLE: " + article.title() + "\nFORM: " + article.metadata().form() + "\n\n"
                        + article.body() : item));
            }
            results.add(score(folder, page, items));
        }
        print(results, half);
    }

    static List<Page> manifest(Path folder) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("pages.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            pages.add(new Page(columns[0], columns[1], columns[2]));
        }
        return pages;
    }

    static Result score(Path folder, Page page, List<Ingested> items) throws IOException {
        Article article = items.size() == 1 && items.get(0) instanceof Article read ? read : null;
        String verdict = article != null ? article.metadata().form()
                : items.stream().map(item -> item instanceof Rejected rejected
                        ? rejected.kind() + ": " + rejected.reason() : "article").toList().toString();
        if (!page.isStory()) {
            boolean rejected = items.size() == 1 && items.get(0) instanceof Rejected r
                    && r.kind() == Rejected.Kind.NOT_ARTICLE;
            return new Result(page, 0, 0, 0, rejected, verdict);
        }
        List<String> expected = Files.readAllLines(folder.resolve(page.name() + ".expected.txt"),
                StandardCharsets.UTF_8);
        if (article == null) {
            return new Result(page, 0, 0, 0, false, verdict);
        }
        double[] prf = ExtractionScore.tokenF1(String.join("\n", expected.subList(2, expected.size())),
                article.body());
        boolean right = !page.kind().equals("brief") || "brief".equals(article.metadata().form());
        return new Result(page, prf[0], prf[1], prf[2], right, verdict);
    }

    private static void print(List<Result> results, String half) {
        System.out.printf("%-24s %-10s %-8s %6s %6s %6s  %s%n", "page", "outlet", "kind", "P", "R", "F1", "verdict");
        Map<String, List<Double>> byOutlet = new TreeMap<>();
        List<Double> storyScores = new ArrayList<>();
        int wrongVerdicts = 0;
        for (Result result : results) {
            Page page = result.page();
            String mark = result.verdictRight() ? "" : "  WRONG VERDICT";
            if (page.isStory()) {
                System.out.printf("%-24s %-10s %-8s %6.3f %6.3f %6.3f  %s%s%n", page.name(), page.outlet(),
                        page.kind(), result.precision(), result.recall(), result.f1(), result.verdict(), mark);
                byOutlet.computeIfAbsent(page.outlet(), outlet -> new ArrayList<>()).add(result.f1());
                storyScores.add(result.f1());
            } else {
                System.out.printf("%-24s %-10s %-8s %6s %6s %6s  %s%s%n", page.name(), page.outlet(), page.kind(),
                        "", "", "", result.verdict(), mark);
            }
            wrongVerdicts += result.verdictRight() ? 0 : 1;
        }
        System.out.println();
        byOutlet.forEach((outlet, scores) -> System.out.printf("%-10s mean body F1 %.3f over %d page(s)%n", outlet,
                mean(scores), scores.size()));
        long others = results.stream().filter(result -> !result.page().isStory()).count();
        System.out.printf("%s: mean body F1 %.3f over %d article pages of %d outlets; %d of %d non-article pages "
                + "rejected; %d wrong verdict(s)%n", half == null ? "all pages" : half + " half", mean(storyScores),
                storyScores.size(), byOutlet.size(),
                results.stream().filter(result -> !result.page().isStory() && result.verdictRight()).count(), others,
                wrongVerdicts);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
