package dev.warta.search;

import dev.warta.article.ArticleStatus;
import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.digest.DigestFiles;
import dev.warta.export.RunExporter;
import dev.warta.store.ArticleRepository;
import dev.warta.store.Json;
import dev.warta.store.OutputFiles;
import dev.warta.store.RunLock;
import dev.warta.store.StoredArticle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The commands analysts use on the database, run as {@code java -jar warta.jar COMMAND …}:
 * <ul>
 *   <li>{@code search TEXT [--since=DATE] [--source=NAME] [--tag=TAG] [--status=STATUS] [--limit=N] [--json]}</li>
 *   <li>{@code show ID [--json]}</li>
 *   <li>{@code digest --date=YYYY-MM-DD} regenerates that day's digest pages from the database</li>
 *   <li>{@code export --date=YYYY-MM-DD} re-exports that day from the database: every article file and the digest
 *   (it takes the run lock, so it waits for no run and no run writes under it)</li>
 * </ul>
 * With no command the application runs the nightly job instead.
 */
@Component
public class AnalystCommands implements ApplicationRunner, ExitCodeGenerator {

    public static final List<String> COMMANDS = List.of("search", "show", "digest", "export");

    private final ArticleRepository articles;
    private final RunExporter exporter;
    private final RunLock lock;
    private final Path output;
    private final PrintStream out = System.out;
    private int exitCode;

    public AnalystCommands(ArticleRepository articles, RunExporter exporter, RunLock lock,
                           @Value("${warta.output:output}") Path output) {
        this.articles = articles;
        this.exporter = exporter;
        this.lock = lock;
        this.output = output;
    }

    /** Whether the arguments name one of these commands (the job runner stands aside then). */
    public static boolean isCommand(ApplicationArguments args) {
        return !args.getNonOptionArgs().isEmpty() && COMMANDS.contains(args.getNonOptionArgs().get(0));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!isCommand(args)) {
            return;
        }
        List<String> words = args.getNonOptionArgs().subList(1, args.getNonOptionArgs().size());
        try {
            switch (args.getNonOptionArgs().get(0)) {
                case "search" -> search(String.join(" ", words), args);
                case "show" -> show(words, args.containsOption("json"));
                case "export" -> export(args);
                default -> digest(args);
            }
        } catch (UsageException | DateTimeParseException e) {
            System.err.println("warta: " + e.getMessage());
            exitCode = 2;
        }
    }

    private void search(String text, ApplicationArguments args) {
        ArticleStatus status = option(args, "status").map(code -> {
            try {
                return ArticleStatus.fromCode(code);
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown --status '" + code + "': use translated, needs_review, reviewed, "
                        + "failed, not_article or pending");
            }
        }).orElse(null);
        int limit = option(args, "limit").map(Integer::parseInt).orElse(50);
        List<StoredArticle> found = new ArticleSearch(articles).find(text,
                option(args, "since").map(LocalDate::parse).orElse(null), option(args, "source").orElse(null),
                option(args, "tag").orElse(null), status, limit);
        for (StoredArticle article : found) {
            out.println(args.containsOption("json") ? oneLineJson(article) : line(article));
        }
        if (found.isEmpty() && !args.containsOption("json")) {
            System.err.println("warta: no article matches");
        }
    }

    private void show(List<String> ids, boolean json) {
        if (ids.size() != 1) {
            throw new UsageException("usage: show ID [--json]");
        }
        StoredArticle article = articles.find(ids.get(0))
                .orElseThrow(() -> new UsageException("no article with id " + ids.get(0)));
        out.println(json ? Json.write(article) : ArticleText.render(article));
    }

    private void digest(ApplicationArguments args) {
        LocalDate date = storedDay(args, "digest");
        DigestFiles files = exporter.exportDigest(date, output);
        out.println(files.html());
        out.println(files.markdown());
    }

    private void export(ApplicationArguments args) {
        LocalDate date = storedDay(args, "export");
        Optional<String> holder = lock.acquire("warta export of " + date);
        if (holder.isPresent()) {
            System.err.println("warta: a run is using this database: " + holder.get() + ". Export after it ends.");
            exitCode = 4;
            return;
        }
        try {
            int written = exporter.exportDay(date, output);
            out.println(written + " article files and the digest written to "
                    + new OutputFiles(output).dayFolder(date.toString()));
        } finally {
            lock.release();
        }
    }

    private LocalDate storedDay(ApplicationArguments args, String command) {
        LocalDate date = option(args, "date").map(LocalDate::parse)
                .orElseThrow(() -> new UsageException("usage: " + command + " --date=YYYY-MM-DD"));
        if (!articles.hasRunDate(date)) {
            throw new UsageException("no articles stored for " + date);
        }
        return date;
    }

    private static String line(StoredArticle article) {
        Translation translation = article.translation();
        String title = translation != null ? translation.title() : article.title() == null ? "" : article.title();
        String outlet = ArticleSearch.outlet(article);
        return String.format(Locale.ROOT, "%s  %-12s  %-16s  %-20s  %s", ArticleSearch.day(article),
                article.status().code(), truncate(outlet == null ? "-" : outlet, 16), truncate(article.id(), 20),
                title);
    }

    private static String oneLineJson(StoredArticle article) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", article.id());
        line.put("status", article.status().code());
        line.put("date", ArticleSearch.day(article).toString());
        line.put("source", ArticleSearch.outlet(article));
        line.put("url", article.article() == null ? null : article.article().metadata().url());
        line.put("title", article.translation() == null ? null : article.translation().title());
        line.put("originalTitle", article.title());
        line.put("summary", article.translation() == null ? null : article.translation().summary());
        line.put("tags", article.translation() == null ? List.of() : article.translation().tags());
        line.put("entities", article.translation() == null ? List.of()
                : article.translation().entities().stream().map(NamedEntity::english).toList());
        try {
            return Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static Optional<String> option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
