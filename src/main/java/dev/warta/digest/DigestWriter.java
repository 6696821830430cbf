package dev.warta.digest;

import dev.warta.store.OutputFiles;
import dev.warta.store.StoredArticle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Writes the analysts' daily digest: {@code digest.html} (self-contained page) and {@code digest.md} (its Markdown
 * twin) into a run's day folder, e.g. {@code output/2026-11-26/}.
 *
 * <p>Each file is written to a temporary file in the same folder and moved into place atomically, so an analyst who
 * opens the digest while a run regenerates it sees the old page or the new one, never half a page.
 *
 * <p>The writer renders exactly the articles it is given, in any order; choosing them (one run date, latest outcome
 * per article) is the caller's job. Stateless and safe to share between threads.
 */
public class DigestWriter {

    public static final String HTML_FILE = "digest.html";
    public static final String MARKDOWN_FILE = "digest.md";

    /**
     * @param date       the run date shown in the digest
     * @param articles   the day's outcomes: delivered articles (with translation) and failed, not-article, pending inputs
     * @param dayFolder  folder to write into; created when missing
     * @return the paths of both files
     * @throws UncheckedIOException when a file cannot be written; no partial digest is left behind
     */
    public DigestFiles write(LocalDate date, List<StoredArticle> articles, Path dayFolder) {
        return write(Digest.of(date, articles), dayFolder);
    }

    /** Writes a digest made by the caller (for a day too large to show whole, see {@link Digest#omitted()}). */
    public DigestFiles write(Digest digest, Path dayFolder) {
        Objects.requireNonNull(dayFolder, "dayFolder");
        try {
            Files.createDirectories(dayFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the digest folder " + dayFolder, e);
        }
        Path html = replaceAtomically(dayFolder.resolve(HTML_FILE), DigestHtml.render(digest));
        Path markdown = replaceAtomically(dayFolder.resolve(MARKDOWN_FILE), DigestMarkdown.render(digest));
        return new DigestFiles(html, markdown);
    }

    /** The HTML page for these articles, as {@link #write} would save it. */
    public String html(LocalDate date, List<StoredArticle> articles) {
        return DigestHtml.render(Digest.of(date, articles));
    }

    /** The Markdown twin for these articles, as {@link #write} would save it. */
    public String markdown(LocalDate date, List<StoredArticle> articles) {
        return DigestMarkdown.render(Digest.of(date, articles));
    }

    private static Path replaceAtomically(Path target, String content) {
        try {
            OutputFiles.writeAtomically(target, content);
            return target;
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot write the digest file " + target, e.getCause());
        }
    }
}
