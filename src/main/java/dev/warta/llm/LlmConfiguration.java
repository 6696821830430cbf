package dev.warta.llm;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.warta.article.Glossary;
import dev.warta.chunk.ArticleChunker;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.warta.llm.batch.OpenAiBatchApi;
import dev.warta.llm.batch.OpenAiBatchChatModel;
import dev.warta.llm.batch.RequestCapture;
import dev.warta.llm.http.AnswerStore;
import dev.warta.llm.http.PaidAnswers;
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
    /** Per-call timeout of the Batch API's calls at least: uploads and downloads of files up to 200 MB. */
    private static final Duration BATCH_FILE_TIMEOUT = Duration.ofMinutes(10);

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
                .callLog(calls).maxInFlight(properties.concurrency());
        if (shared != null) {
            http.sharedLimits(shared);
        }
        ChatModel model = chatModel(properties, meter, http);
        NewsTranslator translator = new PreparedNewsTranslator(model);
        ArticleChunker chunker = new ArticleChunker(tokenEstimator(properties.model()), properties.chunkTokens());
        log.info("Model engine: {} at {}", properties.model(), properties.effectiveBaseUrl());
        return new ModelTranslationEngine(translator, chunker, properties.model(), LanguageNames.name(targetLanguage),
                meter, http.paidAnswers(), glossary);
    }

    /**
     * Turns an article into the first request the engine would send for it, without sending anything: what a batch
     * submits. Built exactly like {@link #engine}'s model, so the bodies are byte-identical to the synchronous ones.
     */
    public static FirstRequests firstRequests(LlmProperties properties, String targetLanguage, Glossary glossary) {
        ChatModel model = chatModel(properties, new UsageMeter(), new RequestCapture());
        NewsTranslator translator = new PreparedNewsTranslator(model);
        ArticleChunker chunker = new ArticleChunker(tokenEstimator(properties.model()), properties.chunkTokens());
        return new FirstRequests(new ModelTranslationEngine(translator, chunker, properties.model(),
                LanguageNames.name(targetLanguage), new UsageMeter(), new PaidAnswers(AnswerStore.NONE), glossary));
    }

    /**
     * The endpoint's Batch API over Warta's HTTP layer (retries, Retry-After, limits), on a client of its own: its
     * calls are not model calls, and a 404 from it must not close the circuit of the synchronous calls.
     */
    public static OpenAiBatchApi batchApi(LlmProperties properties) {
        // no client-side rate limits (the Batch API has its own, and a file is not a chat's tokens), and time enough
        // to move a night's input or output file
        Duration timeout = properties.timeout().compareTo(BATCH_FILE_TIMEOUT) > 0 ? properties.timeout()
                : BATCH_FILE_TIMEOUT;
        CallPolicy policy = new CallPolicy(properties.maxRetries(), properties.initialBackoff(), Duration.ofSeconds(30),
                timeout, 0, 0, properties.circuitBreakerThreshold());
        return new OpenAiBatchApi(new ResilientHttpClientBuilder(policy, new CallMetrics()).build(),
                properties.effectiveBaseUrl(), properties.apiKey());
    }

    /** LangChain4j's batch chat model for the endpoint: requests rendered exactly as the synchronous model's. */
    public static OpenAiBatchChatModel batchChatModel(LlmProperties properties) {
        return new OpenAiBatchChatModel(batchApi(properties),
                chatModel(properties, new UsageMeter(), new RequestCapture()));
    }

    static ChatModel chatModel(LlmProperties properties, UsageMeter meter, HttpClientBuilder http) {
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

    /** The tokenizer of the configured model when jtokkit knows it; see {@link ModelTokenCounter}. */
    static TokenCountEstimator tokenEstimator(String model) {
        return ModelTokenCounter.forModel(model);
    }
}
