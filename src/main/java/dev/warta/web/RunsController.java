package dev.warta.web;

import dev.warta.export.RunExporter;
import dev.warta.export.RunSummary;
import dev.warta.store.ArticleRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The operators' page: the last runs as a table and the last 30 nights' cost and flag rate as a chart. */
@Controller
@ConditionalOnWebApplication
class RunsController {

    static final int RUNS_SHOWN = 60;
    static final int CHART_NIGHTS = 30;

    private final NewsroomQueries queries;
    private final ArticleRepository articles;

    RunsController(NewsroomQueries queries, ArticleRepository articles) {
        this.queries = queries;
        this.articles = articles;
    }

    @GetMapping("/runs")
    String runs(Model model) {
        List<NewsroomQueries.RunRow> runs = queries.runs(RUNS_SHOWN);
        model.addAttribute("runs", runs);
        List<NewsroomQueries.RunRow> lastNights = new ArrayList<>(runs.stream().limit(CHART_NIGHTS).toList());
        java.util.Collections.reverse(lastNights);
        model.addAttribute("chart", RunChart.of(lastNights));
        return "runs";
    }

    /** Items of one run shown at most on its page; run.json lists them all. */
    static final int RUN_ITEMS_SHOWN = 1_000;

    /** One run: its figures and its items (articles and rejected inputs) in input order. */
    @GetMapping("/runs/{id}")
    String run(@PathVariable long id, Model model) {
        NewsroomQueries.RunRow run = queries.run(id).orElseThrow(() -> new NotFound("No run " + id + "."));
        List<ArticleRepository.RunItem> items = new ArrayList<>();
        int[] total = {0};
        articles.forEachInRun(id, item -> {
            if (total[0]++ < RUN_ITEMS_SHOWN) {
                items.add(item);
            }
        });
        model.addAttribute("run", run);
        model.addAttribute("items", items);
        model.addAttribute("total", total[0]);
        return "run";
    }

    /** The run's {@code run.json} as exported (with an entry per article), else its summary as stored. */
    @GetMapping("/runs/{id}/run.json")
    ResponseEntity<String> runJson(@PathVariable long id) throws IOException {
        NewsroomQueries.RunRow run = queries.run(id).orElseThrow(() -> new NotFound("No run " + id + "."));
        Path file = Path.of(run.outputDir()).resolve(run.runDate().toString()).resolve("run.json");
        String body;
        if (run.summary() != null && Files.isRegularFile(file)) {
            body = Files.readString(file, StandardCharsets.UTF_8);
            // a later run of the same day over the same folder rewrites the file: serve it only if it is this run's
            if (!body.contains("\"runId\" : " + id + ",")) {
                body = RunExporter.summaryJson(run.summary());
            }
        } else if (run.summary() != null) {
            body = RunExporter.summaryJson(run.summary());
        } else {
            throw new NotFound("Run " + id + " has not ended yet: it has no run.json.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * The SVG chart's geometry, computed here so that the template only places numbers: a polyline of the nightly
     * cost (scaled to the most expensive night) and one of the flag rate (share of delivered articles that needed
     * review, 0–100 %).
     */
    record RunChart(int width, int height, String costPoints, String flagPoints, String maxCost, int nights,
                    List<Label> labels) {

        record Label(double x, String text) {
        }

        static final int WIDTH = 600;
        static final int HEIGHT = 160;
        static final int PAD = 20;

        static RunChart of(List<NewsroomQueries.RunRow> oldestFirst) {
            List<NewsroomQueries.RunRow> ended = oldestFirst.stream().filter(r -> r.summary() != null).toList();
            double maxCost = ended.stream().mapToDouble(RunChart::cost).max().orElse(0);
            StringBuilder cost = new StringBuilder();
            StringBuilder flags = new StringBuilder();
            List<Label> labels = new ArrayList<>();
            int n = ended.size();
            for (int i = 0; i < n; i++) {
                RunSummary summary = ended.get(i).summary();
                double x = PAD + (n == 1 ? (WIDTH - 2 * PAD) / 2.0 : i * (WIDTH - 2.0 * PAD) / (n - 1));
                double costY = HEIGHT - PAD - (maxCost == 0 ? 0 : cost(ended.get(i)) / maxCost * (HEIGHT - 2 * PAD));
                int delivered = summary.counts().translated();
                double rate = delivered == 0 ? 0 : (double) summary.counts().needsReview() / delivered;
                double flagY = HEIGHT - PAD - rate * (HEIGHT - 2 * PAD);
                cost.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, costY));
                flags.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, flagY));
                if (i == 0 || i == n - 1) {
                    labels.add(new Label(x, summary.runDate()));
                }
            }
            return new RunChart(WIDTH, HEIGHT, cost.toString().strip(), flags.toString().strip(),
                    String.format(Locale.ROOT, "%.4f", maxCost), n, labels);
        }

        private static double cost(NewsroomQueries.RunRow run) {
            Double cost = run.summary().calls().estimatedCostUsd();
            return cost == null ? 0 : cost;
        }
    }
}
