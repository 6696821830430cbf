package dev.warta.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.warta.llm.http.CallMetrics;
import dev.warta.llm.http.CallPolicy;
import dev.warta.llm.http.ResilientHttpClientBuilder;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * For benchmarks outside this package: one short-article model call as the engine makes it, through LangChain4j's
 * {@code AiServices} (how every call went before {@link PromptedCall}) or through the prepared calls, on the same
 * real OpenAI client and Warta HTTP layer.
 */
public final class ModelCallPaths {

    private ModelCallPaths() {
    }

    /** A function from the article's JSON document to the answer's paragraphs. */
    public static Function<String, Object> articleCall(String baseUrl, boolean throughAiServices) {
        LlmProperties properties = new LlmProperties(baseUrl, "bench-key", "gpt-4o-mini", 0.2,
                Duration.ofSeconds(30), 0, Duration.ofMillis(10), 2000, 1, 0, 0, 1000, Map.of(), false, "sync", null,
                "sync", "stop", Duration.ofSeconds(30));
        ChatModel model = LlmConfiguration.chatModel(properties, new UsageMeter(), new ResilientHttpClientBuilder(
                new CallPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(30), 0, 0, 1000),
                new CallMetrics()));
        NewsTranslator translator = throughAiServices
                ? AiServices.builder(NewsTranslator.class).chatModel(model).build()
                : new PreparedNewsTranslator(model);
        return articleJson -> translator.translateArticle("English", "(none)", "(none: this is the first attempt)",
                articleJson).content().paragraphs();
    }
}
