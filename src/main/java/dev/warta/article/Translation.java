package dev.warta.article;

import java.util.List;

/**
 * What an engine made of one article: the English (or other target language) text and the analysts' fields.
 *
 * @param title          translated title
 * @param paragraphs     translated body, one entry per source paragraph, same order
 * @param summary        2–4 sentence summary in the target language
 * @param keyPoints      3–5 key points in the target language
 * @param entities       named entities with their rendering in the target language
 * @param tags           1–5 topic tags
 * @param sourceLanguage language the engine translated from (ISO 639-1)
 * @param targetLanguage language the engine translated into (ISO 639-1)
 * @param engine         {@code openai} or {@code offline}
 * @param model          model name, or the offline engine's version
 * @param quality        {@code full} for a model translation, {@code gist} for the offline engine
 * @param qualityScore   0–1 summary of the faithfulness checks
 * @param reviewReasons  failed checks, empty when the translation passed all of them
 * @param usage          model calls and tokens spent on this article
 * @param notes          differences the checks found but cannot tell from a corrected typing error of the source
 *                       ({@code name Gaddadi spelt Gaddafi}): shown with the article, but they do not make it need
 *                       review
 */
public record Translation(
        String title,
        List<String> paragraphs,
        String summary,
        List<String> keyPoints,
        List<NamedEntity> entities,
        List<String> tags,
        String sourceLanguage,
        String targetLanguage,
        String engine,
        String model,
        String quality,
        double qualityScore,
        List<String> reviewReasons,
        Usage usage,
        List<String> notes) {

    public Translation {
        paragraphs = List.copyOf(paragraphs);
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        entities = entities == null ? List.of() : List.copyOf(entities);
        tags = tags == null ? List.of() : List.copyOf(tags);
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (usage == null) {
            usage = Usage.NONE;
        }
    }

    /** A translation without notes: engines and checks that make none. */
    public Translation(String title, List<String> paragraphs, String summary, List<String> keyPoints,
                       List<NamedEntity> entities, List<String> tags, String sourceLanguage, String targetLanguage,
                       String engine, String model, String quality, double qualityScore, List<String> reviewReasons,
                       Usage usage) {
        this(title, paragraphs, summary, keyPoints, entities, tags, sourceLanguage, targetLanguage, engine, model,
                quality, qualityScore, reviewReasons, usage, List.of());
    }

    public boolean needsReview() {
        return !reviewReasons.isEmpty();
    }
}
