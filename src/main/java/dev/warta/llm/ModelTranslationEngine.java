package dev.warta.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.output.OutputParsingException;
import dev.warta.article.Article;
import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.article.TranslationEngine;
import dev.warta.article.TranslationException;
import dev.warta.article.Usage;
import dev.warta.chunk.ArticleChunker;
import dev.warta.chunk.Chunk;
import dev.warta.chunk.TextPiece;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Translates articles with a model behind an OpenAI-compatible endpoint. A short article costs one call; a long one
 * is translated chunk by chunk, each chunk carrying the end of the previous one as context, and then summarised
 * from its whole translation.
 */
public class ModelTranslationEngine implements TranslationEngine {

    /** Characters of the previous chunk's translation carried into the next call, so sentences connect. */
    private static final int CONTEXT_CHARS = 600;

    private final NewsTranslator translator;
    private final ArticleChunker chunker;
    private final String model;
    private final String targetLanguage;
    private final UsageMeter meter;
    private final ObjectMapper json = new ObjectMapper();

    ModelTranslationEngine(NewsTranslator translator, ArticleChunker chunker, String model, String targetLanguage,
                           UsageMeter meter) {
        this.translator = translator;
        this.meter = meter;
        this.chunker = chunker;
        this.model = model;
        this.targetLanguage = targetLanguage;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String fingerprint() {
        return name() + "|" + model + "|prompts " + PromptVersion.current() + "|" + targetCode();
    }

    @Override
    public Translation translate(Article article) {
        List<Chunk> chunks = chunker.chunk(article.paragraphs());
        return chunks.size() == 1 ? translateWhole(article) : translateInChunks(article, chunks);
    }

    private Translation translateWhole(Article article) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", article.title());
        document.put("paragraphs", article.paragraphs());
        Result<ArticleTranslationOutput> result = call("translation",
                () -> translator.translateArticle(targetLanguage, glossaryFor(article), toJson(document)));
        ArticleTranslationOutput output = result.content();
        List<String> paragraphs = requireAligned(output.paragraphs(), article.paragraphs().size(), "article");
        return new Translation(require(output.title(), "title"), paragraphs, require(output.summary(), "summary"),
                output.keyPoints(), entities(output.entities()), output.tags(),
                orDefault(output.sourceLanguage(), article.language()), targetCode(), name(), model, "full", 1.0,
                List.of(), usage(result));
    }

    private Translation translateInChunks(Article article, List<Chunk> chunks) {
        List<StringBuilder> paragraphs = new ArrayList<>();
        article.paragraphs().forEach(paragraph -> paragraphs.add(new StringBuilder()));
        String title = null;
        String previousEnd = "";
        Usage usage = Usage.NONE;
        for (Chunk chunk : chunks) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("title", chunk.index() == 0 ? article.title() : "");
            document.put("pieces", chunk.texts());
            String context = previousEnd.isEmpty()
                    ? "(this is the first part)"
                    : "The previous part ended: \"" + previousEnd + "\"";
            Result<ChunkTranslationOutput> result = call("translation of part " + (chunk.index() + 1),
                    () -> translator.translateChunk(targetLanguage, glossaryFor(article), context, toJson(document)));
            usage = usage.plus(usage(result));
            List<String> pieces = requireAligned(result.content().paragraphs(), chunk.pieces().size(),
                    "part " + (chunk.index() + 1));
            if (chunk.index() == 0) {
                title = require(result.content().title(), "title");
            }
            for (int i = 0; i < pieces.size(); i++) {
                TextPiece piece = chunk.pieces().get(i);
                StringBuilder paragraph = paragraphs.get(piece.paragraph());
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(pieces.get(i).strip());
            }
            String last = pieces.get(pieces.size() - 1);
            previousEnd = last.length() <= CONTEXT_CHARS ? last : last.substring(last.length() - CONTEXT_CHARS);
        }
        List<String> english = paragraphs.stream().map(StringBuilder::toString).toList();
        String fullText = title + "\n\n" + String.join("\n\n", english);
        Result<SummaryOutput> summary = call("summary", () -> translator.summarise(targetLanguage, fullText));
        usage = usage.plus(usage(summary));
        SummaryOutput output = summary.content();
        return new Translation(title, english, require(output.summary(), "summary"), output.keyPoints(),
                entities(output.entities()), output.tags(), article.language(), targetCode(), name(), model, "full",
                1.0, List.of(), usage);
    }

    /** Runs one model call and turns every way it can fail into a reason an operator can act on. */
    private <T> Result<T> call(String what, Supplier<Result<T>> call) {
        Result<T> result;
        meter.forgetLastFinishReason();
        try {
            result = call.get();
        } catch (OutputParsingException e) {
            if (meter.lastFinishReasonOfThisThread() == FinishReason.LENGTH) {
                throw new TranslationException(what + ": the model's answer was cut off at its output token limit",
                        true, e);
            }
            throw new TranslationException(what + ": the model's answer was not the JSON document asked for", true, e);
        } catch (RateLimitException e) {
            throw new TranslationException(what + ": rate limited by the endpoint (HTTP 429)", true, e);
        } catch (TimeoutException e) {
            throw new TranslationException(what + ": the endpoint did not answer in time", true, e);
        } catch (InternalServerException e) {
            throw new TranslationException(what + ": the endpoint failed (" + httpStatus(e) + ")", true, e);
        } catch (AuthenticationException e) {
            throw new TranslationException(what + ": the endpoint refused the API key (HTTP 401/403)", false, e);
        } catch (ModelNotFoundException e) {
            throw new TranslationException(what + ": the endpoint does not know model '" + model + "'", false, e);
        } catch (ContentFilteredException e) {
            throw new TranslationException(what + ": stopped by the provider's content filter", false, e);
        } catch (InvalidRequestException e) {
            throw new TranslationException(what + ": the endpoint rejected the request: " + firstLine(e.getMessage()),
                    false, e);
        } catch (HttpException e) {
            throw new TranslationException(what + ": the endpoint answered HTTP " + e.statusCode(), true, e);
        } catch (RuntimeException e) {
            Throwable unavailable = causeNamed(e, "EndpointUnavailableException");
            if (unavailable != null) {
                throw TranslationException.unavailable(unavailable.getMessage(), e);
            }
            if (e.getCause() instanceof java.io.IOException io) {
                throw new TranslationException(what + ": cannot reach the endpoint: " + io.getMessage(), true, e);
            }
            throw e;
        }
        if (result.finishReason() == FinishReason.LENGTH) {
            throw new TranslationException(what + ": the model's answer was cut off at its output token limit", true,
                    null);
        }
        if (result.finishReason() == FinishReason.CONTENT_FILTER) {
            throw new TranslationException(what + ": stopped by the provider's content filter", false, null);
        }
        if (result.content() == null) {
            throw new TranslationException(what + ": the model returned no content", true, null);
        }
        return result;
    }

    private static List<String> requireAligned(List<String> translated, int expected, String what) {
        int actual = translated == null ? 0 : translated.size();
        if (actual != expected) {
            throw new TranslationException("the model returned " + actual + " paragraphs for the " + expected
                    + " of the " + what, true, null);
        }
        return translated.stream().map(String::strip).toList();
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new TranslationException("the model returned no " + field, true, null);
        }
        return value.strip();
    }

    private static List<NamedEntity> entities(List<EntityOutput> entities) {
        if (entities == null) {
            return List.of();
        }
        return entities.stream()
                .filter(entity -> entity != null && entity.name() != null && !entity.name().isBlank())
                .map(entity -> new NamedEntity(entity.name().strip(),
                        orDefault(entity.rendering(), entity.name()).strip(), orDefault(entity.type(), "OTHER")))
                .toList();
    }

    private static Usage usage(Result<?> result) {
        TokenUsage tokens = result.tokenUsage();
        if (tokens == null) {
            return new Usage(1, 0, 0);
        }
        return new Usage(1, orZero(tokens.inputTokenCount()), orZero(tokens.outputTokenCount()));
    }

    /** Glossary terms that occur in the article; filled in when the glossary is configured. */
    private String glossaryFor(Article article) {
        return "(none)";
    }

    private String targetCode() {
        return LanguageNames.code(targetLanguage);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The resilient HTTP client's circuit breaker signals an endpoint known to be down; LangChain4j may wrap it. */
    private static Throwable causeNamed(Throwable e, String simpleName) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals(simpleName)) {
                return cause;
            }
        }
        return null;
    }

    private static String httpStatus(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                return "HTTP " + http.statusCode();
            }
        }
        return "server error";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
