package dev.warta.digest;

import dev.warta.store.StoredArticle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.warta.digest.MarkdownEscaper.escape;

/**
 * Renders a {@link Digest} as Markdown, the twin of the HTML page for mail, chat and terminals. Article text is
 * escaped with {@link MarkdownEscaper}; the only links are the http(s) originals, written in the angle-bracket form
 * so no character of the URL can end the link early.
 */
final class DigestMarkdown {

    private final StringBuilder out = new StringBuilder(32 * 1024);

    private DigestMarkdown() {
    }

    static String render(Digest digest) {
        return new DigestMarkdown().document(digest);
    }

    private String document(Digest digest) {
        line("# Warta daily digest " + digest.date());
        line("");
        Digest.RunCounts counts = digest.counts();
        String countLine = "Translated: " + counts.translated() + " · Needs review: " + counts.needsReview()
                + " · Failed: " + counts.failed() + " · Not articles: " + counts.notArticles();
        line(counts.pending() > 0 ? countLine + " · Pending: " + counts.pending() : countLine);
        line("");
        if (digest.omitted() > 0) {
            line("This page shows " + (counts.total() - digest.omitted()) + " of the day's " + counts.total()
                    + " inputs; the other " + digest.omitted() + " are in the day's JSON files and in `warta search`.");
            line("");
        }
        if (digest.topEntities().isEmpty()) {
            line("Top entities of the day: none named.");
        } else {
            line("Top entities of the day: " + digest.topEntities().stream()
                    .map(e -> escape(e.name()) + typeSuffix(e.type()) + " ×" + e.articles())
                    .collect(Collectors.joining(", ")));
        }
        line("");
        if (digest.topics().isEmpty()) {
            line("No article was delivered for " + digest.date() + ".");
            line("");
        }
        for (Digest.TopicGroup topic : digest.topics()) {
            line("## " + escape(topic.tag()));
            line("");
            for (DigestEntry entry : topic.entries()) {
                article(entry);
            }
        }
        notDelivered(digest.notDelivered());
        line("*Summaries and translations are machine-made: check the original before quoting.*");
        return out.toString();
    }

    private void article(DigestEntry entry) {
        line("### " + escape(entry.headline()));
        line("");
        List<String> meta = new ArrayList<>();
        addIfPresent(meta, "", entry.metadata().source());
        addIfPresent(meta, "Dateline ", entry.metadata().dateline());
        meta.add(entry.published().known() ? "Published " + escape(entry.published().display())
                : "Publication time unknown");
        line(String.join(" · ", meta));
        line("");
        String original = entry.originalTitle();
        if (original != null && !original.equals(entry.headline())) {
            String lang = entry.sourceLanguage();
            line("Original title" + (lang == null ? "" : " (" + lang + ")") + ": *" + escape(original) + "*");
            line("");
        }
        List<String> flags = new ArrayList<>();
        if (entry.needsReview()) {
            flags.add("**Needs review**");
        }
        if (entry.offlineGist()) {
            flags.add("**Offline gist**");
        }
        if (entry.englishSource()) {
            flags.add("English source: summarised, not translated");
        }
        if (entry.metadata().titleDerived()) {
            flags.add(DigestEntry.derivedTitleFlag(entry.metadata()));
        }
        double score = entry.translation().qualityScore();
        flags.add("Quality score " + DigestHtml.formatScore(score)
                + (score < DigestHtml.LOW_QUALITY_SCORE ? " (low)" : ""));
        line("Flags: " + String.join(" · ", flags));
        line("");
        if (entry.needsReview()) {
            line("Review reasons:");
            line("");
            entry.reviewReasons().forEach(reason -> line("- " + escape(reason)));
            line("");
        }
        if (!entry.translation().notes().isEmpty()) {
            line("Notes (not flagged):");
            line("");
            entry.translation().notes().forEach(note -> line("- " + escape(note)));
            line("");
        }
        String summary = entry.translation().summary();
        if (summary != null && !summary.isBlank()) {
            line(escape(summary));
            line("");
        }
        if (!entry.keyPoints().isEmpty()) {
            line("Key points:");
            line("");
            entry.keyPoints().forEach(point -> line("- " + escape(point)));
            line("");
        }
        if (!entry.entities().isEmpty()) {
            line("Entities: " + entry.entities().stream()
                    .map(e -> escape(DigestEntry.entityName(e)) + typeSuffix(e.type()))
                    .collect(Collectors.joining(", ")));
            line("");
        }
        Optional<String> url = entry.originalUrl();
        if (url.isPresent()) {
            line("[Original article](<" + url.get() + ">)");
            line("");
        } else if (entry.metadata().url() != null && !entry.metadata().url().isBlank()) {
            line("Original URL (not a web link): `" + entry.metadata().url().strip().replace("`", "'")
                    .replaceAll("\\s+", " ") + "`");
            line("");
        }
        List<String> paragraphs = entry.englishParagraphs();
        if (!paragraphs.isEmpty()) {
            line("#### Full English text: " + escape(entry.headline()));
            line("");
            paragraphs.forEach(paragraph -> {
                line(escape(paragraph));
                line("");
            });
        }
        line("---");
        line("");
    }

    private void notDelivered(List<StoredArticle> inputs) {
        line("## Not delivered");
        line("");
        if (inputs.isEmpty()) {
            line("Every input was delivered.");
            line("");
            return;
        }
        for (StoredArticle input : inputs) {
            StringBuilder item = new StringBuilder("- **").append(escape(DigestHtml.statusLabel(input))).append("** ");
            String title = input.title() != null ? input.title()
                    : input.article() != null ? input.article().title() : null;
            if (title != null && !title.isBlank()) {
                item.append('*').append(escape(title)).append("* ");
            }
            item.append('(').append(escape(input.sourcePath() == null ? "-" : input.sourcePath()));
            if (input.location() != null && !input.location().isBlank()) {
                item.append(", ").append(escape(input.location()));
            }
            item.append("): ").append(escape(DigestHtml.reason(input)));
            line(item.toString());
        }
        line("");
    }

    private static void addIfPresent(List<String> parts, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(prefix + escape(value));
        }
    }

    private static String typeSuffix(String type) {
        return type == null || type.isBlank() ? "" : " (" + escape(type.strip().toLowerCase(Locale.ROOT)) + ")";
    }

    private void line(String markdown) {
        out.append(markdown).append('\n');
    }
}
