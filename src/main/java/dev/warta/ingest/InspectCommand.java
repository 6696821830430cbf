package dev.warta.ingest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.article.Article;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code warta inspect [--max-bytes N] PATH…}: prints what ingestion makes of each input, one JSON object per line
 * on standard output, so that a desk can check its scraper's output without a model endpoint. Folders are read
 * like the job reads them ({@link InputFiles}). Warnings go to standard error, never into the JSON.
 *
 * <p>Exit codes: 0 when every path could be read (rejected inputs are reported, they are not errors), 1 when a
 * path does not exist, 2 on a usage error.
 */
public final class InspectCommand {

    static final String USAGE = """
            usage: warta inspect [--max-bytes N] PATH...
              PATH         an input file (.txt, .html, .htm, .json, .jsonl) or a folder of them
              --max-bytes  reject files larger than N bytes (default %d)
            Prints one JSON object per article or rejected input.""".formatted(IngestOptions.DEFAULT_MAX_FILE_BYTES);

    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        IngestOptions options = IngestOptions.defaults();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (arg.equals("--max-bytes")) {
                if (i + 1 >= args.size()) {
                    err.println("inspect: --max-bytes needs a number\n" + USAGE);
                    return 2;
                }
                try {
                    options = options.withMaxFileBytes(Long.parseLong(args.get(++i)));
                } catch (IllegalArgumentException e) {
                    err.println("inspect: --max-bytes must be a positive number of bytes, was '" + args.get(i) + "'");
                    return 2;
                }
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                err.println("inspect: unknown option '" + arg + "'\n" + USAGE);
                return 2;
            } else {
                paths.add(arg);
            }
        }
        if (paths.isEmpty()) {
            err.println("inspect: no PATH given\n" + USAGE);
            return 2;
        }
        sendWarningsTo(err);
        ArticleReader reader = new ArticleReader(options);
        int exitCode = 0;
        for (String argument : paths) {
            Path path = Path.of(argument);
            List<Path> files;
            ArticleReader folderReader = reader;
            if (Files.isDirectory(path)) {
                files = InputFiles.list(path);
                // a folder is inspected as the job would read it: nothing outside it is followed
                folderReader = reader.confinedTo(path);
            } else if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                files = List.of(path);
            } else {
                err.println("inspect: no such file or folder: " + argument);
                exitCode = 1;
                continue;
            }
            for (Path file : files) {
                for (Ingested item : folderReader.read(file)) {
                    out.println(toJson(item));
                }
            }
        }
        out.flush();
        return exitCode;
    }

    static String toJson(Ingested item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("path", item.sourcePath());
        fields.put("location", item.location());
        fields.put("id", item.id());
        if (item instanceof Article article) {
            fields.put("kind", "ARTICLE");
            fields.put("title", article.title());
            fields.put("paragraphs", article.paragraphs());
            fields.put("source", article.metadata().source());
            fields.put("url", article.metadata().url());
            fields.put("publishedAt", article.metadata().publishedAt());
            fields.put("dateline", article.metadata().dateline());
            fields.put("author", article.metadata().author());
            fields.put("editor", article.metadata().editor());
            fields.put("publisher", article.metadata().publisher());
            fields.put("form", article.metadata().form());
            fields.put("encoding", article.metadata().encoding());
            fields.put("titleDerivedFrom", article.metadata().titleDerivedFrom());
            fields.put("language", article.language());
            fields.put("languageConfidence", article.languageConfidence());
            fields.put("contentHash", article.contentHash());
        } else if (item instanceof Rejected rejected) {
            fields.put("kind", rejected.kind().name());
            fields.put("error", rejected.reason());
            fields.put("title", rejected.title());
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * Without Spring, Logback's default writes every level to standard output, which would break the one JSON
     * object per line contract. Route warnings to standard error instead.
     */
    private static void sendWarningsTo(PrintStream err) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("inspect-stderr");
        appender.setEncoder(encoder);
        appender.setOutputStream(err);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
    }
}
