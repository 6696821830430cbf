package dev.warta.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.warta.article.ArticleStatus;
import dev.warta.digest.Digest;
import dev.warta.digest.DigestFiles;
import dev.warta.digest.DigestWriter;
import dev.warta.store.ArticleRepository;
import dev.warta.store.Json;
import dev.warta.store.OutputFiles;
import dev.warta.store.StoredArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the files of the output folder from what the database holds: one JSON file per article, {@code run.json}
 * and the day's digest. The database is the only truth; these are exports of committed rows, so a row and its file
 * cannot disagree for longer than until the next export, and every export is idempotent: running it again after a
 * crash rewrites the same files. Rows are streamed, so memory does not grow with the size of a run.
 */
@Component
public class RunExporter {

    private static final Logger log = LoggerFactory.getLogger(RunExporter.class);

    /**
     * The digest is a page for people: beyond this many inputs it shows the first ones (delivered first) and says
     * how many more the day's JSON files and {@code warta search} hold. This also bounds its memory.
     */
    static final int DIGEST_LIMIT = 1_000;

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(30);

    private final ArticleRepository articles;

    public RunExporter(ArticleRepository articles) {
        this.articles = articles;
    }

    /** A run's files: the article file of every item of the run, and its day's digest. */
    public void exportRun(long runId, LocalDate runDate, Path output) {
        exportArticles(runId, runDate, output);
        exportDigest(runDate, output);
    }

    /** Writes the article file of every item of the run, after removing what a killed export left behind. */
    public int exportArticles(long runId, LocalDate runDate, Path output) {
        OutputFiles files = new OutputFiles(output);
        int leftovers = files.removeLeftovers(runDate.toString());
        if (leftovers > 0) {
            log.info("Removed {} temporary file(s) left by an interrupted export", leftovers);
        }
        int[] written = {0};
        long[] lastLog = {System.nanoTime()};
        articles.forEachInRun(runId, item -> {
            writeArticle(files, item.stored());
            written[0]++;
            // a night of tens of thousands takes minutes to export: say that it moves, as the translate step does
            if (System.nanoTime() - lastLog[0] >= PROGRESS_INTERVAL.toNanos()) {
                lastLog[0] = System.nanoTime();
                log.info("Export: {} article files written", written[0]);
            }
        });
        log.info("Export: {} article files written{}", written[0], written[0] == 0 ? "" : ", writing the digest");
        return written[0];
    }

    /** Re-exports one day on demand: every article filed under it and its digest. */
    public int exportDay(LocalDate date, Path output) {
        OutputFiles files = new OutputFiles(output);
        files.removeLeftovers(date.toString());
        int[] written = {0};
        articles.forEachOnRunDate(date, stored -> {
            writeArticle(files, stored);
            written[0]++;
        });
        exportDigest(date, output);
        return written[0];
    }

    /** Writes one article's file again from its row, e.g. after an editor approved a corrected version. */
    public Path exportArticle(StoredArticle stored, Path output) {
        OutputFiles files = new OutputFiles(output);
        writeArticle(files, stored);
        return files.articleFile(stored.runDate(), stored.id());
    }

    private static void writeArticle(OutputFiles files, StoredArticle stored) {
        OutputFiles.writeAtomically(files.articleFile(stored.runDate(), stored.id()), Json.write(stored));
    }

    /** The day's digest pages, from the rows filed under that day. */
    public DigestFiles exportDigest(LocalDate date, Path output) {
        ArticleRepository.RunCounts counts = articles.countRunDate(date);
        List<StoredArticle> shown = articles.findForDigest(date, DIGEST_LIMIT);
        Digest digest = Digest.of(date, shown, new Digest.RunCounts(
                counts.of(ArticleStatus.TRANSLATED) + counts.of(ArticleStatus.REVIEWED),
                counts.of(ArticleStatus.NEEDS_REVIEW), counts.of(ArticleStatus.FAILED),
                counts.of(ArticleStatus.NOT_ARTICLE), counts.of(ArticleStatus.PENDING), counts.total()));
        return new DigestWriter().write(digest, new OutputFiles(output).dayFolder(date.toString()));
    }

    /**
     * Writes {@code run.json}: the summary's fields, then an {@code articles} array with one entry per item of the
     * run, streamed from the database straight into the file (temporary file, then rename).
     */
    public Path exportRunSummary(RunSummary summary, Path output) {
        Path target = new OutputFiles(output).dayFolder(summary.runDate()).resolve("run.json");
        Path temporary = OutputFiles.writeTemporary(target, "");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
             JsonGenerator json = Json.mapper().getFactory().createGenerator(writer)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            JsonNode fields = Json.mapper().valueToTree(summary);
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                json.writeFieldName(field.getKey());
                json.writeTree(field.getValue());
            }
            json.writeArrayFieldStart("articles");
            articles.forEachListedInRun(summary.runId(), item -> {
                try {
                    json.writeObject(RunSummary.entry(item));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        OutputFiles.moveIntoPlace(temporary, target);
        return target;
    }

    /** The summary alone (without its article entries), as stored with the run in {@code warta_run}. */
    public static String summaryJson(RunSummary summary) {
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
