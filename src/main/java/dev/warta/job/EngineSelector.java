package dev.warta.job;

import dev.warta.article.Glossary;
import dev.warta.article.TranslationEngine;
import dev.warta.llm.FirstRequests;
import dev.warta.llm.LlmConfiguration;
import dev.warta.llm.LlmProperties;
import dev.warta.llm.UsageMeter;
import dev.warta.llm.http.AnswerStore;
import dev.warta.llm.http.CallMetrics;
import dev.warta.offline.OfflineEngine;
import dev.warta.store.ModelAnswerRepository;
import dev.warta.store.ModelCallRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.warta.store.SharedEndpointLimits;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the translation engine from {@code warta.engine}: {@code openai} needs an endpoint, {@code offline}
 * needs nothing, and {@code auto} uses the model when an endpoint is configured and the offline engine otherwise.
 * With {@code warta.offline-fallback} the offline engine also stands in for articles the model could not do.
 */
@Component
public class EngineSelector {

    static final String NO_ENDPOINT = "No model endpoint configured: set OPENAI_API_KEY (and OPENAI_BASE_URL, "
            + "including /v1, for another OpenAI-compatible server such as Ollama or vLLM), or run with "
            + "--warta.engine=offline.";

    private static final Logger log = LoggerFactory.getLogger(EngineSelector.class);

    private final WartaProperties properties;
    private final LlmProperties llm;
    private final RunCallLog callLog;
    private UsageMeter meter = new UsageMeter();
    private CallMetrics metrics = new CallMetrics();
    private TranslationEngine engine;
    private TranslationEngine fallback;
    private Glossary glossary;
    /** In a scale-out run (a manager or a worker): the endpoint's limits, shared through the database. */
    private final org.springframework.beans.factory.ObjectProvider<JdbcTemplate> jdbc;
    private final boolean scaledOut;
    private SharedEndpointLimits shared;
    private long runId;

    EngineSelector(WartaProperties properties, LlmProperties llm, ModelAnswerRepository answers,
                   ModelCallRepository calls, org.springframework.beans.factory.ObjectProvider<JdbcTemplate> jdbc,
                   Environment environment, PlatformTransactionManager transactions) {
        this.properties = properties;
        this.llm = llm;
        this.callLog = new RunCallLog(answers, calls, transactions);
        this.jdbc = jdbc;
        this.scaledOut = properties.partitions() > 0 || environment.matchesProfiles(WorkerCommand.PROFILE);
    }

    /**
     * The run the model calls from now on are recorded under; with {@code force}, answers kept before now are not
     * reused (a forced run asks the model again).
     */
    synchronized void callsBelongTo(long runId, boolean force) {
        callLog.belongTo(runId, force);
        this.runId = runId;
        if (shared != null) {
            shared.belongTo(runId);
        }
    }

    /**
     * The run's budget, asked again just before each call is sent: articles prepared while others were being
     * translated send nothing once it is spent.
     */
    void callsWithin(RunBudget budget) {
        callLog.refuseCallsWhen(budget::exhausted);
    }

    /**
     * Forgets the engine and its counters, so the next run starts afresh: new token and call counts, and a closed
     * circuit breaker (last night's outage is no reason to skip tonight).
     */
    synchronized void reset() {
        engine = null;
        fallback = null;
        meter = new UsageMeter();
        metrics = new CallMetrics();
    }

    /** Tokens and calls the model engine of this run has used. */
    synchronized UsageMeter meter() {
        return meter;
    }

    /** HTTP calls, retries and latencies of this run. */
    synchronized CallMetrics metrics() {
        return metrics;
    }

    /** The engine of this run, built once (also the web app's, for an article an editor sends back). */
    public synchronized TranslationEngine engine() {
        if (engine == null) {
            engine = build();
        }
        return engine;
    }

    /** The offline engine, when it should stand in for articles the model could not do. */
    synchronized Optional<TranslationEngine> fallback() {
        if (!properties.offlineFallback() || engine() instanceof OfflineEngine) {
            return Optional.empty();
        }
        if (fallback == null) {
            fallback = new OfflineEngine(glossary());
        }
        return Optional.of(fallback);
    }

    /** The first request of each article, rendered exactly as this run's model engine sends it (batch mode). */
    synchronized FirstRequests firstRequests() {
        return LlmConfiguration.firstRequests(llm, properties.targetLanguage(), glossary());
    }

    /** Where this run's model answers are kept; the batch phase keeps the batch's answers there too. */
    AnswerStore answerStore() {
        return callLog;
    }

    /** The model recorded with the run: the endpoint's model, or the offline engine's version. */
    String modelName() {
        return "openai".equals(engine().name()) ? llm.model() : OfflineEngine.MODEL;
    }

    private TranslationEngine build() {
        String choice = properties.engine().strip().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "openai" -> {
                if (!llm.endpointConfigured()) {
                    throw new EngineUnavailableException(NO_ENDPOINT);
                }
                return LlmConfiguration.engine(llm, properties.targetLanguage(), meter, glossary(), metrics, callLog,
                        callLog, sharedLimits());
            }
            case "auto" -> {
                if (llm.endpointConfigured()) {
                    return LlmConfiguration.engine(llm, properties.targetLanguage(), meter, glossary(), metrics, callLog,
                        callLog, sharedLimits());
                }
                log.info("No model endpoint configured (OPENAI_API_KEY / OPENAI_BASE_URL): using the offline engine, "
                        + "which makes a gist, not a full translation");
                return offline();
            }
            case "offline" -> {
                return offline();
            }
            default -> throw new EngineUnavailableException(
                    "Unknown warta.engine '" + properties.engine() + "': use auto, openai or offline.");
        }
    }

    /** A manager or worker of a scale-out run: the run's limits are kept in the database, for every process. */
    boolean limitsShared() {
        return scaledOut;
    }

    /**
     * The endpoint's limits shared with the other processes of a scale-out run (null in a run in one process): the
     * requests and tokens per minute, Retry-After holds and the circuit verdict hold for the run, not per process.
     */
    private SharedEndpointLimits sharedLimits() {
        if (!scaledOut) {
            return null;
        }
        if (shared == null) {
            shared = new SharedEndpointLimits(jdbc.getObject(), llm.effectiveBaseUrl() + " " + llm.model(),
                    llm.requestsPerMinute(), llm.tokensPerMinute());
        }
        shared.belongTo(runId);
        return shared;
    }

    private TranslationEngine offline() {
        if (!properties.targetLanguage().equalsIgnoreCase("en")
                && !properties.targetLanguage().equalsIgnoreCase("english")) {
            throw new EngineUnavailableException("The offline engine translates into English only; warta.target-"
                    + "language is '" + properties.targetLanguage() + "'. Configure a model endpoint for it.");
        }
        return new OfflineEngine(glossary());
    }

    private Glossary glossary() {
        if (glossary == null) {
            Path file = properties.glossary();
            if (file == null || file.toString().isBlank()) {
                glossary = Glossary.starter();
                log.info("Glossary: {} terms of the starter glossary", glossary.entries().size());
            } else if (Files.isRegularFile(file)) {
                try {
                    glossary = Glossary.load(file);
                } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                    throw new EngineUnavailableException("warta.glossary: " + e.getMessage());
                }
                log.info("Glossary: {} terms from {}", glossary.entries().size(), file);
            } else {
                // a glossary the operator named but that is not there must not silently become no glossary
                throw new EngineUnavailableException("Glossary file not found: " + file.toAbsolutePath()
                        + " (warta.glossary; leave it unset for the starter glossary).");
            }
        }
        return glossary;
    }
}
