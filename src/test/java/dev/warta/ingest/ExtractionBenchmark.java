package dev.warta.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.article.Article;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the reader on an extraction benchmark annotated the way trafilatura's evaluation is: an
 * {@code evaldata.json} mapping each page's URL to its {@code file} (under {@code eval/} or {@code cache/}), text
 * segments that must be in the extracted text ({@code with}) and boilerplate segments that must not
 * ({@code without}). A segment counts when it occurs in the whitespace-normalised body (the title is scored
 * separately by {@link ExtractionScore}; the benchmark's own extractors are scored on their body text). Precision, recall
 * and F are over all segments of all pages, as that benchmark counts them; pages that gave no article are listed by
 * reason, since each of them is text lost at the door.
 *
 * <pre>java -cp … dev.warta.ingest.ExtractionBenchmark FOLDER [--list | --segments] [--half tune|heldout] [--show FILE]</pre>
 * FOLDER holds {@code evaldata.json} and the {@code eval/}, {@code cache/} folders of pages. Nothing is committed
 * from it; the pages belong to their publishers.
 *
 * <p>{@code --segments} lists, under each page that lost something, the segments it missed and the boilerplate
 * it kept. {@code --show FILE} prints one page's extracted paragraphs, the segments it missed and the boilerplate it kept.
 *
 * <p>{@code --half} scores one of two fixed halves of the pages, split by the SHA-256 of the file name (first byte
 * even: {@code tune}, odd: {@code heldout}). The extractor is tuned while looking only at the tuning half's
 * failures, so the held-out half estimates how it does on pages nobody tuned for.
 */
final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = null;
        boolean list = false;
        String half = null;
        String show = null;
        boolean segments = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--list")) {
                list = true;
            } else if (args[i].equals("--segments")) {
                list = true;
                segments = true;
            } else if (args[i].equals("--half") && i + 1 < args.length
                    && (args[i + 1].equals("tune") || args[i + 1].equals("heldout"))) {
                half = args[++i];
            } else if (args[i].equals("--show") && i + 1 < args.length) {
                show = args[++i];
            } else if (folder == null && !args[i].startsWith("--")) {
                folder = Path.of(args[i]);
            } else {
                folder = null;
                break;
            }
        }
        if (folder == null) {
            System.err.println("usage: ExtractionBenchmark FOLDER [--list | --segments] [--half tune|heldout] [--show FILE]"
                    + "  (FOLDER holds evaldata.json, eval/, cache/)");
            System.exit(2);
        }
        JsonNode data = new ObjectMapper().readTree(folder.resolve("evaldata.json").toFile());
        ArticleReader reader = new ArticleReader();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int pages = 0;
        int extracted = 0;
        int etp = 0;
        int efp = 0;
        int efn = 0;
        Map<String, Integer> lost = new TreeMap<>();
        List<String> lostPages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            String file = item.getValue().get("file").asText();
            if (half != null && !half.equals(halfOf(file)) || show != null && !file.equals(show)) {
                continue;
            }
            Path page = Files.exists(folder.resolve("eval").resolve(file)) ? folder.resolve("eval").resolve(file)
                    : folder.resolve("cache").resolve(file);
            if (!Files.exists(page)) {
                continue;
            }
            pages++;
            List<Ingested> items = reader.read(page);
            String text = null;
            if (!items.isEmpty() && items.get(0) instanceof Article article) {
                text = normalise(String.join("\n", article.paragraphs()));
                extracted++;
            } else if (!items.isEmpty() && items.get(0) instanceof Rejected rejected) {
                String reason = rejected.reason().replaceAll("\\d+", "N");
                reason = reason.length() > 70 ? reason.substring(0, 70) : reason;
                lost.merge(reason, 1, Integer::sum);
                lostPages.add(file + "\t" + rejected.reason());
            }
            if (show != null) {
                showPage(item.getValue(), items, text);
            }
            int pageTp = 0;
            int pageFp = 0;
            int withCount = item.getValue().get("with").size();
            int withoutCount = item.getValue().get("without").size();
            if (text != null) {
                for (JsonNode segment : item.getValue().get("with")) {
                    pageTp += text.contains(normalise(segment.asText())) ? 1 : 0;
                }
                for (JsonNode segment : item.getValue().get("without")) {
                    pageFp += text.contains(normalise(segment.asText())) ? 1 : 0;
                }
                etp += pageTp;
                efp += pageFp;
                efn += withCount - pageTp;
                if (list && (pageTp < withCount || pageFp > 0)) {
                    System.out.println("  " + file + " with " + pageTp + "/" + withCount + " without " + pageFp
                            + "/" + withoutCount);
                    if (segments) {
                        printSegments(item.getValue(), text);
                    }
                }
            }
            tp += pageTp;
            fp += pageFp;
            fn += withCount - pageTp;
            tn += withoutCount - pageFp;
        }
        System.out.printf("%s%n", half == null ? "all pages" : half + " half");
        System.out.printf("pages %d, read as articles %d, gave nothing %d%n", pages, extracted, pages - extracted);
        lost.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
        if (list) {
            lostPages.forEach(p -> System.out.println("  lost: " + p));
        }
        print("all pages", tp, fp, fn);
        print("pages read", etp, efp, efn);
        System.out.printf("accuracy %.3f%n", (double) (tp + tn) / (tp + fp + fn + tn));
    }

    private static void print(String label, int tp, int fp, int fn) {
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf("%-10s precision %.3f recall %.3f F %.3f%n", label, precision, recall, f);
    }

    /** One page's extraction, then the segments it missed and the boilerplate it kept: what to look at when tuning. */
    private static void showPage(JsonNode annotation, List<Ingested> items, String text) {
        if (text == null) {
            System.out.println("no article: " + (items.isEmpty() ? "no item" : items.get(0)));
            return;
        }
        Article article = (Article) items.get(0);
        System.out.println("title: " + article.title());
        article.paragraphs().forEach(p -> System.out.println("| " + p));
        printSegments(annotation, text);
    }

    private static void printSegments(JsonNode annotation, String text) {
        for (JsonNode segment : annotation.get("with")) {
            if (!text.contains(normalise(segment.asText()))) {
                System.out.println("MISSED: " + segment.asText());
            }
        }
        for (JsonNode segment : annotation.get("without")) {
            if (text.contains(normalise(segment.asText()))) {
                System.out.println("KEPT BOILERPLATE: " + segment.asText());
            }
        }
    }

    /** The fixed half a page belongs to: by the first byte of the SHA-256 of its file name, even or odd. */
    static String halfOf(String file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 0 ? "tune" : "heldout";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalise(String text) {
        return text.replaceAll("(?U)\\s+", " ").strip();
    }
}
