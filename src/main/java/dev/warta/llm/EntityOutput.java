package dev.warta.llm;

import dev.langchain4j.model.output.structured.Description;

/** A named entity as the model reports it. */
record EntityOutput(
        @Description("The name exactly as written in the source text") String name,
        @Description("The usual rendering of the name in the target language") String rendering,
        @Description("One of PERSON, ORGANIZATION, PLACE") String type) {
}
