package dev.warta.llm;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * The model calls behind the model engine, declared as a LangChain4j AI service. Each method is one model call with
 * its prompt in {@code src/main/resources/prompts/}; article text always travels as a JSON document inside the user
 * message, so the model reads it as data, never as instructions. {@link PreparedNewsTranslator} implements it from
 * these annotations, sending what {@code AiServices} would send to the byte ({@code PromptedCallTest}) with the
 * per-call preparation done once.
 */
interface NewsTranslator {

    /** Short article: translation, summary, key points, entities and tags in one call (fewest tokens). */
    @SystemMessage(fromResource = "/prompts/translate-article.system.txt")
    @UserMessage(fromResource = "/prompts/translate-article.user.txt")
    Result<ArticleTranslationOutput> translateArticle(
            @V("targetLanguage") String targetLanguage,
            @V("glossary") String glossary,
            @V("feedback") String feedback,
            @V("article") String articleJson);

    /** One chunk of a long article, with what earlier chunks fixed (terms, names, the end of the previous chunk). */
    @SystemMessage(fromResource = "/prompts/translate-chunk.system.txt")
    @UserMessage(fromResource = "/prompts/translate-chunk.user.txt")
    Result<ChunkTranslationOutput> translateChunk(
            @V("targetLanguage") String targetLanguage,
            @V("glossary") String glossary,
            @V("context") String context,
            @V("feedback") String feedback,
            @V("chunk") String chunkJson);

    /**
     * Summary, key points, entities and tags of a long article, from its full translation, given as the JSON
     * document {@code {"text": …}} so that no line of the text can end the data block.
     */
    @SystemMessage(fromResource = "/prompts/summarise.system.txt")
    @UserMessage(fromResource = "/prompts/summarise.user.txt")
    Result<SummaryOutput> summarise(
            @V("targetLanguage") String targetLanguage,
            @V("feedback") String feedback,
            @V("text") String translatedTextJson);
}
