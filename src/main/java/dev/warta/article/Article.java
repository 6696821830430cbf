package dev.warta.article;

import java.util.List;
import java.util.Objects;

/**
 * An article after ingestion: clean title and body paragraphs in reading order, with what is known about it.
 *
 * @param id                 stable identity: derived from the canonical URL when known, else from the content hash
 * @param sourcePath         the input file it was read from
 * @param location           position inside a multi-article file (feed), or {@code null}
 * @param title              clean title, never blank
 * @param paragraphs         clean body paragraphs in reading order, never empty; datelines and scraper residue removed
 * @param metadata           outlet, URL, dates, people; fields may be {@code null}
 * @param language           detected ISO 639-1 code of the body ({@code id}, {@code en}, {@code ms}, {@code jv}, …)
 * @param languageConfidence confidence of the detection, 0–1
 * @param contentHash        SHA-256 (hex) of the normalised title and body; changes when the text changes
 */
public record Article(
        String id,
        String sourcePath,
        String location,
        String title,
        List<String> paragraphs,
        ArticleMetadata metadata,
        String language,
        double languageConfidence,
        String contentHash) implements Ingested {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
        if (metadata == null) {
            metadata = ArticleMetadata.EMPTY;
        }
    }

    /** The body as one text, paragraphs separated by blank lines. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
