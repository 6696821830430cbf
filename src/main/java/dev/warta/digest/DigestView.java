package dev.warta.digest;

import dev.warta.article.NamedEntity;
import dev.warta.store.StoredArticle;

import java.util.ArrayList;
import java.util.List;

/**
 * What the article templates ({@code templates/digest/article.html}) ask about an entry beyond its own accessors;
 * handed to them as {@code digestView}, by the digest export and by the web app's day page alike. Texts are
 * returned raw: the templates escape them.
 */
public final class DigestView {

    public static final DigestView INSTANCE = new DigestView();

    /** One part of an article's meta line; a part with a {@code time} shows it as a machine-readable time. */
    public record MetaPart(String text, String time, String timeText) {
    }

    private DigestView() {
    }

    public List<MetaPart> metaParts(DigestEntry entry) {
        List<MetaPart> parts = new ArrayList<>();
        String source = entry.metadata().source();
        if (source != null && !source.isBlank()) {
            parts.add(new MetaPart(source.strip(), null, null));
        }
        String dateline = entry.metadata().dateline();
        if (dateline != null && !dateline.isBlank()) {
            parts.add(new MetaPart("Dateline " + dateline.strip(), null, null));
        }
        PublishedTime published = entry.published();
        if (!published.known()) {
            parts.add(new MetaPart("Publication time unknown", null, null));
        } else if (published.machine() != null) {
            parts.add(new MetaPart("Published ", published.machine(), published.display()));
        } else {
            parts.add(new MetaPart("Published " + published.display(), null, null));
        }
        return parts;
    }

    public String score(double score) {
        return DigestHtml.formatScore(score);
    }

    public String entityName(NamedEntity entity) {
        return DigestEntry.entityName(entity);
    }

    public String statusLabel(StoredArticle input) {
        return DigestHtml.statusLabel(input);
    }

    public String reason(StoredArticle input) {
        return DigestHtml.reason(input);
    }

    /** The title of an input that was not delivered, {@code null} when none is known. */
    public String inputTitle(StoredArticle input) {
        String title = input.title() != null ? input.title() : input.article() != null ? input.article().title() : null;
        return title == null || title.isBlank() ? null : title;
    }

    /** Its file, and its entry within a feed file. */
    public String inputPlace(StoredArticle input) {
        String path = input.sourcePath() == null || input.sourcePath().isBlank() ? "-" : input.sourcePath();
        return input.location() == null || input.location().isBlank() ? path : path + ", " + input.location();
    }

    /** Titles of rejected inputs are in the source language; Indonesian unless the article says otherwise. */
    public String originalLanguage(StoredArticle input) {
        String language = input.article() == null ? null : input.article().language();
        return language != null && language.matches("[a-zA-Z]{2,3}")
                ? language.toLowerCase(java.util.Locale.ROOT) : "id";
    }
}
