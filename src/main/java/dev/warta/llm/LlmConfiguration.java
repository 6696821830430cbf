package dev.warta.llm;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.langchain4j.service.AiServices;
import dev.warta.article.Glossary;
import dev.warta.chunk.ArticleChunker;
import dev.warta.llm.http.AnswerStore;
import dev.warta.llm.http.CallLog;
import dev.warta.llm.http.CallMetrics;
import dev.warta.llm.http.CallPolicy;
import dev.warta.llm.http.ResilientHttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Builds the model engine from {@link LlmProperties}: the real LangChain4j OpenAI client, asked for strict JSON
 * schema output.
 */
public final class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    private LlmConfiguration() {
    }

    public static ModelTranslationEngine engine(LlmProperties properties, String targetLanguage, UsageMeter meter,
                                                Glossary glossary, CallMetrics metrics) {
        return engine(properties, targetLanguage, meter, glossary, metrics, AnswerStore.NONE, CallLog.NONE);
    }

    /**
     * The engine, keeping every answer in {@code answers} (so no request is paid for twice) and recording every
     * request sent in {@code calls}.
     */
    public static ModelTranslationEngine engine(LlmProperties properties, String targetLanguage, UsageMeter meter,
                                                Glossary glossary, CallMetrics metrics, AnswerStore answers,
                                                CallLog calls) {
        return engine(properties, targetLanguage, meter, glossary, metrics, answers, calls, null);
    }

    /**
     * The engine as above; with {@code shared} limits (not null) its rate limits and circuit breaker hold across the
     * processes of a scale-out run.
     */
    public static ModelTranslationEngine engine(LlmProperties properties, String targetLanguage, UsageMeter meter,
                                                Glossary glossary, CallMetrics metrics, AnswerStore answers,
                                                CallLog calls, dev.warta.llm.http.SharedLimits shared) {
        CallPolicy policy = new CallPolicy(properties.maxRetries(), properties.initialBackoff(), Duration.ofSeconds(30),
                properties.timeout(), properties.requestsPerMinute(), properties.tokensPerMinute(),
                properties.circuitBreakerThreshold());
        ResilientHttpClientBuilder http = new ResilientHttpClientBuilder(policy, metrics).answerStore(answers)
                .callLog(calls);
        if (shared != null) {
            http.sharedLimits(shared);
        }
        ChatModel model = chatModel(properties, meter, http);
        NewsTranslator translator = AiServices.builder(NewsTranslator.class).chatModel(model).build();
        ArticleChunker chunker = new ArticleChunker(tokenEstimator(properties.model()), properties.chunkTokens());
        log.info("Model engine: {} at {}", properties.model(), properties.effectiveBaseUrl());
        return new ModelTranslationEngine(translator, chunker, properties.model(), LanguageNames.name(targetLanguage),
                meter, http.paidAnswers(), glossary);
    }

    static ChatModel chatModel(LlmProperties properties, UsageMeter meter, ResilientHttpClientBuilder http) {
        return OpenAiChatModel.builder()
                // Warta's own HTTP layer retries (honouring Retry-After), rate-limits and breaks the circuit;
                // LangChain4j's retry, which ignores Retry-After, is off.
                .httpClientBuilder(http)
                .maxRetries(0)
                .baseUrl(properties.effectiveBaseUrl())
                // Local servers (Ollama, llama.cpp) need no key, but the client insists on one.
                .apiKey(properties.apiKey() == null || properties.apiKey().isBlank() ? "none" : properties.apiKey())
                .modelName(properties.model())
                .temperature(properties.temperature())
                .timeout(properties.timeout())
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .strictJsonSchema(true)
                .logRequests(properties.logRequests())
                .logResponses(properties.logRequests())
                .listeners(meter)
                .build();
    }

    /**
     * The tokenizer of the configured model when jtokkit knows it; otherwise that of gpt-4o-mini, which is close
     * enough for budgeting the chunks of open models.
     */
    static TokenCountEstimator tokenEstimator(String model) {
        try {
            TokenCountEstimator estimator = new OpenAiTokenCountEstimator(model);
            estimator.estimateTokenCountInText("uji");
            return estimator;
        } catch (RuntimeException unknownModel) {
            return new OpenAiTokenCountEstimator("gpt-4o-mini");
        }
    }
}
