package dev.warta.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Debian's Chromium headless from the command line, one short-lived browser per call. No new dependency: the
 * tests drive the browser with {@link ProcessBuilder} only.
 */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String MISSING = "skipped: /usr/bin/chromium is not installed (Debian package 'chromium'; "
            + "`bash .ci/install-chromium` installs it)";

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /**
     * Flags for running as root in a machine without network: no sandbox (root), and nothing that phones home, whose
     * refused connections would otherwise slow every start.
     */
    static List<String> flags(Path userDataDir) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + userDataDir);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM);
    }

    /** The DOM after the page loaded and its scripts (if any were allowed) ran. */
    static String dumpDom(Path page) {
        return run(List.of("--dump-dom", page.toUri().toString()), "dump-dom " + page);
    }

    /** Saves a PNG of the top {@code height} pixels of the page at the given viewport width. */
    static Path screenshot(Path page, Path png, int width, int height) {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                page.toUri().toString()), "screenshot " + page);
        return png;
    }

    private static String run(List<String> arguments, String what) {
        Path userDataDir = null;
        Path stderr = null;
        Path stdout = null;
        try {
            userDataDir = Files.createTempDirectory("warta-chromium-");
            stderr = Files.createTempFile("warta-chromium-", ".log");
            stdout = Files.createTempFile("warta-chromium-", ".out");
            List<String> command = new ArrayList<>();
            command.add(CHROMIUM.toString());
            command.addAll(flags(userDataDir));
            command.addAll(arguments);
            // Output goes to files, so a browser that hangs cannot block the test on a pipe: the timeout stays in charge.
            Process chromium = new ProcessBuilder(command).redirectError(stderr.toFile())
                    .redirectOutput(stdout.toFile()).start();
            chromium.getOutputStream().close();
            if (!chromium.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                throw new IllegalStateException("chromium " + what + " did not finish within " + TIMEOUT);
            }
            if (chromium.exitValue() != 0) {
                throw new IllegalStateException("chromium " + what + " exited with " + chromium.exitValue() + ": "
                        + tail(stderr));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run chromium for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium ran " + what, e);
        } finally {
            deleteRecursively(userDataDir);
            deleteRecursively(stderr);
            deleteRecursively(stdout);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    static void deleteRecursively(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp profile does no harm; the test result is what matters.
        }
    }
}
