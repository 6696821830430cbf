package dev.warta.testing;

import dev.warta.WartaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Warta the way a user does, with command-line arguments, against a work folder of its own (input and output
 * under one temporary directory) and a database: an H2 file in that folder unless a test names another
 * {@link TestDatabase}. Used by the job-level tests.
 */
public final class WartaHarness {

    private final Path work;
    private final String baseUrl;
    private final TestDatabase database;

    public WartaHarness(Path work, String baseUrl) {
        this(work, baseUrl, TestDatabase.h2(work));
    }

    public WartaHarness(Path work, String baseUrl, TestDatabase database) {
        this.work = work;
        this.baseUrl = baseUrl;
        this.database = database;
    }

    public TestDatabase database() {
        return database;
    }

    public Path input() {
        return work.resolve("input");
    }

    public Path output() {
        return work.resolve("output");
    }

    public String jdbcUrl() {
        return database.url();
    }

    /** A connection to the test's database, as the test's own client (not Warta's). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /** The arguments of a run against the stub; an {@code extra} option replaces the default of the same name. */
    public List<String> arguments(String runDate, String... extra) {
        List<String> defaults = new ArrayList<>(List.of(
                "--input=" + input(), "--output=" + output(),
                "--warta.run-date=" + runDate,
                "--warta.engine=openai",
                "--warta.llm.base-url=" + baseUrl,
                "--warta.llm.api-key=test-key",
                "--warta.llm.max-retries=0",
                "--warta.glossary=" + glossary()));
        defaults.addAll(database.arguments());
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String arg : defaults) {
            byName.put(optionName(arg), arg);
        }
        for (String arg : extra) {
            byName.put(optionName(arg), arg);
        }
        return new ArrayList<>(byName.values());
    }

    /** The tests' own glossary: empty unless a test writes one, never the starter glossary. */
    private Path glossary() {
        Path file = work.resolve("glossary.tsv");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "# the test's glossary: no terms\n");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private static String optionName(String arg) {
        int equals = arg.indexOf('=');
        return equals < 0 ? arg : arg.substring(0, equals);
    }

    /** Runs the application in this JVM and returns its exit code and what it printed on stdout. */
    public Run run(String runDate, String... extra) {
        return launch(arguments(runDate, extra));
    }

    private Run launch(List<String> args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            ConfigurableApplicationContext context = WartaApplication.application().run(args.toArray(String[]::new));
            int exitCode = SpringApplication.exit(context);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut.print(captured.toString(StandardCharsets.UTF_8));
            originalErr.print(capturedErr.toString(StandardCharsets.UTF_8));
        }
    }

    /** Runs a tool command ({@code search}, {@code show}, {@code digest}) against this harness's database. */
    public Run command(String... args) {
        return launch(commandArguments(args));
    }

    /** Starts Warta in a JVM of its own (so that it can be killed), its output going to {@code log}. */
    public Process startProcess(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.warta.WartaApplication"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The arguments of a tool command ({@code search}, …) against this harness's database. */
    public List<String> commandArguments(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(database.arguments());
        all.add("--output=" + output());
        return all;
    }

    public List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = connect();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof Clob clob) {
                            value = clob.getSubString(1, (int) clob.length());
                        }
                        // upper case on both databases (PostgreSQL reports names in lower case)
                        row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(java.util.Locale.ROOT), value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Copies a test resource into the input folder. */
    public void addFixture(String resource, String name) throws IOException {
        Files.createDirectories(input());
        try (InputStream in = WartaHarness.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Files.copy(in, input().resolve(name));
        }
    }

    /** Writes an article of its own into the input folder: a title line, then the paragraphs. */
    public Path addArticle(String name, String title, String... paragraphs) throws IOException {
        Files.createDirectories(input());
        return Files.writeString(input().resolve(name), title + "\n\n" + String.join("\n", paragraphs) + "\n");
    }

    /** What a run ended with, and what it printed: stdout (the table) and stderr (the one-line verdicts). */
    public record Run(int exitCode, String stdout, String stderr) {

        /** The lines on stderr that Warta wrote itself ({@code warta: …}), without log lines. */
        public List<String> wartaLines() {
            return stderr.lines().filter(line -> line.startsWith("warta: ")).toList();
        }
    }
}
