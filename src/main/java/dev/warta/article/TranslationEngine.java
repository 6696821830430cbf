package dev.warta.article;

/**
 * Turns an ingested article into a translation. Implemented by the model-backed engine ({@code llm} package) and
 * the offline engine ({@code offline} package); the job picks one by the {@code warta.engine} setting.
 * Implementations must be safe to call from several threads at once.
 */
public interface TranslationEngine {

    /** Short name stored with every result: {@code openai} or {@code offline}. */
    String name();

    /**
     * Everything besides the article's content that determines this engine's output: engine, model, prompt
     * version, target language. A stored translation is reused only when its fingerprint matches, so changing any
     * of these re-translates.
     */
    default String fingerprint() {
        return name();
    }

    /**
     * Translates and summarises one article.
     *
     * @throws TranslationException with a specific, user-readable reason when the article cannot be translated
     */
    Translation translate(Article article);

    /**
     * Translates the article again for an editor who sent an earlier translation back, with their note on what to
     * fix (it reaches the model as feedback). An engine that cannot take a note translates as usual.
     */
    default Translation translate(Article article, String editorNote) {
        return translate(article);
    }
}
