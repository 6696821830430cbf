package dev.warta.llm;

import dev.langchain4j.model.output.structured.Description;

import java.util.List;

/**
 * What the model returns for a short article translated in one call. Field descriptions become part of the JSON
 * schema sent as {@code response_format}, so they are written for the model.
 */
record ArticleTranslationOutput(
        @Description("The article title translated into the target language") String title,
        @Description("The translated body: exactly one entry per input paragraph, in the same order, never merged or split")
        List<String> paragraphs,
        @Description("Summary of the article in the target language: 2 to 4 sentences, at most 80 words")
        String summary,
        @Description("3 to 5 key points in the target language, each one short sentence") List<String> keyPoints,
        @Description("People, organisations and places named in the article") List<EntityOutput> entities,
        @Description("1 to 5 short topic tags in the target language, lower case, e.g. politics, economy, security")
        List<String> tags,
        @Description("ISO 639-1 code of the language the article is written in, e.g. id, ms, jv, su, en")
        String sourceLanguage) {
}
