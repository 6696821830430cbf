package dev.warta.job;

import dev.warta.article.TranslationEngine;
import dev.warta.llm.LlmConfiguration;
import dev.warta.llm.LlmProperties;
import dev.warta.llm.UsageMeter;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Chooses the translation engine from {@code warta.engine}: {@code openai} needs an endpoint; {@code auto} uses
 * the model when an endpoint is configured.
 */
@Component
class EngineSelector {

    static final String NO_ENDPOINT = "No model endpoint configured: set OPENAI_API_KEY (and OPENAI_BASE_URL, "
            + "including /v1, for another OpenAI-compatible server such as Ollama or vLLM).";

    private final WartaProperties properties;
    private final LlmProperties llm;
    private final UsageMeter meter;
    private TranslationEngine engine;

    EngineSelector(WartaProperties properties, LlmProperties llm, UsageMeter meter) {
        this.properties = properties;
        this.llm = llm;
        this.meter = meter;
    }

    /** The engine of this run, built once. */
    synchronized TranslationEngine engine() {
        if (engine == null) {
            engine = build();
        }
        return engine;
    }

    /** The model name recorded with the run, or {@code null} when no model is used. */
    String modelName() {
        return "openai".equals(engine().name()) ? llm.model() : null;
    }

    private TranslationEngine build() {
        String choice = properties.engine().strip().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "openai", "auto" -> {
                if (!llm.endpointConfigured()) {
                    throw new EngineUnavailableException(NO_ENDPOINT);
                }
                return LlmConfiguration.engine(llm, properties.targetLanguage(), meter);
            }
            default -> throw new EngineUnavailableException(
                    "Unknown warta.engine '" + properties.engine() + "': use auto, openai or offline.");
        }
    }
}
