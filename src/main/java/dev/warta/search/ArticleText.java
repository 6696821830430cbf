package dev.warta.search;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.store.StoredArticle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One stored article as plain text for a terminal: what {@code warta show ID} prints. */
final class ArticleText {

    private ArticleText() {
    }

    static String render(StoredArticle stored) {
        List<String> lines = new ArrayList<>();
        Translation translation = stored.translation();
        Article article = stored.article();
        ArticleMetadata meta = article == null ? ArticleMetadata.EMPTY : article.metadata();
        lines.add(translation != null ? translation.title() : String.valueOf(stored.title()));
        lines.add("=".repeat(Math.min(78, lines.get(0).length())));
        lines.add("id:        " + stored.id());
        lines.add("status:    " + stored.status().code() + (stored.reason() == null ? "" : " (" + stored.reason() + ")"));
        add(lines, "source:    ", meta.source());
        add(lines, "published: ", meta.publishedAt());
        add(lines, "dateline:  ", meta.dateline());
        add(lines, "author:    ", meta.author());
        add(lines, "url:       ", meta.url());
        add(lines, "original:  ", stored.title());
        lines.add("file:      " + stored.sourcePath() + (stored.location() == null ? "" : " (" + stored.location() + ")"));
        if (translation != null) {
            lines.add(String.format(Locale.ROOT, "engine:    %s %s, quality %s, score %.2f", translation.engine(),
                    translation.model(), translation.quality(), translation.qualityScore()));
            if ("gist".equals(translation.quality())) {
                lines.add("           (offline gist: not a full translation)");
            }
            // differences the checks cannot tell from a corrected typing error: shown, but no review needed
            translation.notes().forEach(note -> lines.add("note:      " + note));
            lines.add("");
            lines.add("Summary");
            lines.add("  " + translation.summary());
            lines.add("");
            lines.add("Key points");
            translation.keyPoints().forEach(point -> lines.add("  - " + point));
            if (!translation.entities().isEmpty()) {
                lines.add("");
                lines.add("Entities");
                for (NamedEntity entity : translation.entities()) {
                    lines.add("  " + entity.english() + " (" + entity.type().toLowerCase(Locale.ROOT) + ")"
                            + (entity.english().equals(entity.name()) ? "" : ", in the source: " + entity.name()));
                }
            }
            if (!translation.tags().isEmpty()) {
                lines.add("");
                lines.add("Tags: " + String.join(", ", translation.tags()));
            }
            lines.add("");
            lines.add("Full text");
            translation.paragraphs().forEach(paragraph -> {
                lines.add("");
                lines.add(paragraph);
            });
        } else if (article != null) {
            lines.add("");
            lines.add("Original text (not translated)");
            article.paragraphs().forEach(paragraph -> {
                lines.add("");
                lines.add(paragraph);
            });
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static void add(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + value);
        }
    }
}
