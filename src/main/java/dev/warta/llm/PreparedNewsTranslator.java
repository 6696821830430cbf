package dev.warta.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.Result;

/**
 * {@link NewsTranslator} over the chat model with each method's prompts and answer schema prepared once (see
 * {@link PromptedCall}), rather than by {@code AiServices} on every call. The interface's annotations stay the one
 * place that says which prompt goes with which call.
 */
final class PreparedNewsTranslator implements NewsTranslator {

    private final PromptedCall<ArticleTranslationOutput> translateArticle;
    private final PromptedCall<ChunkTranslationOutput> translateChunk;
    private final PromptedCall<SummaryOutput> summarise;

    PreparedNewsTranslator(ChatModel model) {
        this.translateArticle = PromptedCall.of(model, "translateArticle");
        this.translateChunk = PromptedCall.of(model, "translateChunk");
        this.summarise = PromptedCall.of(model, "summarise");
    }

    @Override
    public Result<ArticleTranslationOutput> translateArticle(String targetLanguage, String glossary, String feedback,
                                                             String articleJson) {
        return translateArticle.call(targetLanguage, glossary, feedback, articleJson);
    }

    @Override
    public Result<ChunkTranslationOutput> translateChunk(String targetLanguage, String glossary, String context,
                                                         String feedback, String chunkJson) {
        return translateChunk.call(targetLanguage, glossary, context, feedback, chunkJson);
    }

    @Override
    public Result<SummaryOutput> summarise(String targetLanguage, String feedback, String translatedTextJson) {
        return summarise.call(targetLanguage, feedback, translatedTextJson);
    }
}
