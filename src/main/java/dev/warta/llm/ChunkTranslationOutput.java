package dev.warta.llm;

import dev.langchain4j.model.output.structured.Description;

import java.util.List;

/** What the model returns for one chunk of a long article. */
record ChunkTranslationOutput(
        @Description("The title translated into the target language, or an empty string when no title was given")
        String title,
        @Description("The translated pieces: exactly one entry per input piece, in the same order, never merged or split")
        List<String> paragraphs,
        @Description("Names and special terms of this part with the rendering used, for consistency in later parts")
        List<EntityOutput> names) {
}
