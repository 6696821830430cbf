package dev.warta.ingest;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads one input file into the articles it holds. The single entry point of ingestion: the job and the
 * {@code inspect} command both call {@link #read(Path)}. Never throws for bad input: a file that cannot be read
 * becomes a {@link Rejected} with a specific reason.
 */
public class ArticleReader {

    public List<Ingested> read(Path file) {
        String path = file.toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return List.of(rejected(path, "empty file"));
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return List.of(fromHtml(path, text));
            }
            return List.of(fromText(path, text));
        } catch (IOException e) {
            return List.of(rejected(path, "cannot read file: " + e.getMessage()));
        }
    }

    private Ingested fromText(String path, String text) {
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.size() < 2) {
            return rejected(path, "no body after the title line");
        }
        return article(path, lines.get(0), lines.subList(1, lines.size()), ArticleMetadata.EMPTY);
    }

    private Ingested fromHtml(String path, String html) {
        Document document = Jsoup.parse(html);
        String title = document.title().strip();
        List<String> paragraphs = new ArrayList<>();
        for (Element p : document.select("p")) {
            String paragraph = p.text().strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        if (title.isEmpty() || paragraphs.isEmpty()) {
            return new Rejected(idFor(path), path, null, Rejected.Kind.NOT_ARTICLE, "no title or no paragraphs", null);
        }
        return article(path, title, paragraphs, ArticleMetadata.EMPTY);
    }

    private Article article(String path, String title, List<String> paragraphs, ArticleMetadata metadata) {
        String hash = sha256(title + "\n" + String.join("\n", paragraphs));
        return new Article(hash.substring(0, 16), path, null, title, paragraphs, metadata, "id", 0.5, hash);
    }

    private Rejected rejected(String path, String reason) {
        return new Rejected(idFor(path), path, null, Rejected.Kind.INVALID, reason, null);
    }

    private static String idFor(String path) {
        return "input-" + sha256(path).substring(0, 12);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
