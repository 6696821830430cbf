package dev.warta.llm;

import dev.langchain4j.model.output.structured.Description;

import java.util.List;

/** What the model returns when asked to summarise an already translated long article. */
record SummaryOutput(
        @Description("Summary of the article in the target language: 2 to 4 sentences, at most 80 words")
        String summary,
        @Description("3 to 5 key points in the target language, each one short sentence") List<String> keyPoints,
        @Description("People, organisations and places named in the article") List<EntityOutput> entities,
        @Description("1 to 5 short topic tags in the target language, lower case, e.g. politics, economy, security")
        List<String> tags) {
}
