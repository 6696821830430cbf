package dev.warta.digest;

import dev.warta.article.ArticleMetadata;
import dev.warta.article.ArticleStatus;
import dev.warta.article.NamedEntity;
import dev.warta.store.StoredArticle;
import dev.warta.article.Translation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivered article as the digest shows it: the stored article plus what the page needs to know about it.
 * Text fields are raw here; the renderers escape them.
 *
 * @param stored      the stored article, with a non-null translation
 * @param anchor      HTML id of the article, unique within the page and stable across regenerations
 * @param published   publication time
 * @param originalUrl the original URL when it is a safe http(s) link
 */
public record DigestEntry(StoredArticle stored, String anchor, PublishedTime published, Optional<String> originalUrl) {

    public DigestEntry {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(stored.translation(), () -> "stored article " + stored.id() + " has no translation");
    }

    public Translation translation() {
        return stored.translation();
    }

    /** The page had no title of its own: the headline is Warta's stand-in, and the desk should know. */
    public static String derivedTitleFlag(ArticleMetadata metadata) {
        return "Title not the outlet's: the page has none, taken from its " + metadata.titleDerivedFrom();
    }

    /** {@link #derivedTitleFlag} for this entry, or null when the title is the outlet's. */
    public String derivedTitleNote() {
        return metadata().titleDerived() ? derivedTitleFlag(metadata()) : null;
    }

    public ArticleMetadata metadata() {
        return stored.article() == null ? ArticleMetadata.EMPTY : stored.article().metadata();
    }

    /** English headline; falls back to the original title, then the id, so no article is shown without a heading. */
    public String headline() {
        return firstNonBlank(translation().title(), originalTitle(), stored.id());
    }

    /** Title in the source language, {@code null} when unknown. */
    public String originalTitle() {
        return firstNonBlank(stored.article() == null ? null : stored.article().title(), stored.title());
    }

    /** ISO 639-1 code of the original (usually {@code id}), {@code null} when unknown or not a plain language code. */
    public String sourceLanguage() {
        String language = firstNonBlank(translation().sourceLanguage(),
                stored.article() == null ? null : stored.article().language());
        return language != null && language.matches("[a-zA-Z]{2,3}") ? language.toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** English-source articles are summarised, not translated. */
    public boolean englishSource() {
        return "en".equals(sourceLanguage());
    }

    /** Output of the offline engine: a rough gist, not a translation to quote from. */
    public boolean offlineGist() {
        return "offline".equalsIgnoreCase(translation().engine()) || "gist".equalsIgnoreCase(translation().quality());
    }

    public boolean needsReview() {
        return stored.status() == ArticleStatus.NEEDS_REVIEW || translation().needsReview();
    }

    /** Why the article needs review; a placeholder when the status says so but no reason was recorded. */
    public List<String> reviewReasons() {
        if (!translation().reviewReasons().isEmpty()) {
            return translation().reviewReasons();
        }
        return needsReview() ? List.of("no reason recorded") : List.of();
    }

    /** English body paragraphs, blank ones dropped. */
    public List<String> englishParagraphs() {
        return translation().paragraphs().stream().filter(p -> p != null && !p.isBlank()).toList();
    }

    public List<String> keyPoints() {
        return translation().keyPoints().stream().filter(p -> p != null && !p.isBlank()).toList();
    }

    public List<NamedEntity> entities() {
        return translation().entities().stream().filter(e -> e != null && entityName(e) != null).toList();
    }

    /** The entity's English rendering, else its name as written. */
    public static String entityName(NamedEntity entity) {
        return firstNonBlank(entity.english(), entity.name());
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
