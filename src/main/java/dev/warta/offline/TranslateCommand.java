package dev.warta.offline;

import dev.warta.article.Glossary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code warta translate --engine offline [--glossary PATH]}: translates Indonesian lines from standard input, one
 * English line out per line in, same order, UTF-8. The glossary defaults to the starter glossary that ships inside
 * Warta. Exit codes: 0 done, 2 bad arguments or unreadable glossary.
 */
public final class TranslateCommand {

    private static final String USAGE = "usage: warta translate [--engine offline] [--glossary PATH] < in.txt > out.txt";

    private TranslateCommand() {
    }

    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String engine = "offline";
        Path glossaryFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--engine", "--glossary" -> {
                    if (i + 1 >= args.size()) {
                        err.println("translate: " + arg + " needs a value\n" + USAGE);
                        return 2;
                    }
                    String value = args.get(++i);
                    if (arg.equals("--engine")) {
                        engine = value;
                    } else {
                        glossaryFile = Path.of(value);
                    }
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("translate: unknown argument '" + arg + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        if (!engine.equals("offline")) {
            err.println("translate: engine '" + engine + "' is not available here; this command runs only the "
                    + "offline engine (--engine offline)");
            return 2;
        }
        Glossary glossary;
        try {
            glossary = loadGlossary(glossaryFile);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("translate: " + e.getMessage());
            return 2;
        }
        OfflineEngine translator = new OfflineEngine(glossary);
        PrintStream utf8 = new PrintStream(out, false, StandardCharsets.UTF_8);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                utf8.print(translator.translateText(line));
                utf8.print('\n');
            }
        } catch (IOException e) {
            err.println("translate: cannot read standard input: " + e.getMessage());
            return 1;
        } finally {
            utf8.flush();
        }
        return 0;
    }

    private static Glossary loadGlossary(Path explicit) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new IllegalArgumentException("glossary file " + explicit + " not found");
            }
            return Glossary.load(explicit);
        }
        return Glossary.starter();
    }
}
