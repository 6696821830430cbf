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
import dev.warta.article.Glossary;
import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.article.TranslationEngine;
import dev.warta.article.TranslationException;
import dev.warta.article.Usage;
import dev.warta.chunk.ArticleChunker;
import dev.warta.chunk.Chunk;
import dev.warta.chunk.TextPiece;
import dev.warta.faithfulness.CheckResult;
import dev.warta.faithfulness.FaithfulnessChecker;
import dev.warta.llm.http.CallRefusedException;
import dev.warta.llm.http.EndpointFaultException;
import dev.warta.llm.http.EndpointRejectedException;
import dev.warta.llm.http.EndpointUnavailableException;
import dev.warta.llm.http.PaidAnswers;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Translates articles with a model behind an OpenAI-compatible endpoint, and checks what comes back.
 * <ul>
 *   <li>A short article costs one call: translation, summary, key points, entities and tags together.</li>
 *   <li>A long one is translated chunk by chunk, each chunk carrying the names and terms fixed so far and the end
 *   of the previous chunk; the summary is then made from the whole translation (map-reduce when even that is
 *   too long).</li>
 *   <li>Every answer goes through the {@link FaithfulnessChecker}. A failed check earns one re-ask with the
 *   failures as feedback; what still fails is delivered flagged {@code needs_review} with the reasons.</li>
 *   <li>An answer cut off at the output limit is retried in smaller chunks; a paragraph count that stays wrong is
 *   repaired piece by piece, so the English always has the source's paragraphs.</li>
 * </ul>
 */
public class ModelTranslationEngine implements TranslationEngine {

    /** Characters of the previous chunk's translation carried into the next call, so sentences connect. */
    private static final int CONTEXT_CHARS = 600;
    private static final String NO_FEEDBACK = "(none: this is the first attempt)";
    /** How often an answer cut off at the output limit is split again before giving up. */
    private static final int MAX_SPLITS = 3;

    private final NewsTranslator translator;
    private final ArticleChunker chunker;
    private final String model;
    private final String targetLanguage;
    private final String targetCode;
    private final UsageMeter meter;
    private final PaidAnswers answers;
    private final Glossary glossary;
    private final String fingerprint;
    private final FaithfulnessChecker checker = new FaithfulnessChecker();
    private final ObjectMapper json = new ObjectMapper();

    ModelTranslationEngine(NewsTranslator translator, ArticleChunker chunker, String model, String targetLanguage,
                           UsageMeter meter, PaidAnswers answers, Glossary glossary) {
        this.translator = translator;
        this.chunker = chunker;
        this.model = model;
        this.targetLanguage = targetLanguage;
        this.targetCode = LanguageNames.code(targetLanguage);
        this.meter = meter;
        this.answers = answers;
        this.glossary = glossary;
        this.fingerprint = name() + "|" + model + "|prompts " + PromptVersion.current() + "|glossary "
                + Integer.toHexString(glossary.entries().hashCode()) + "|" + targetCode;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Translation translate(Article article) {
        return translate(article, null);
    }

    @Override
    public Translation translate(Article article, String editorNote) {
        Spend spend = new Spend(editorNote == null || editorNote.isBlank() ? null
                : "An editor read an earlier translation of this article and sent it back with this note: "
                + editorNote.strip());
        if (article.language().equals(targetCode)) {
            return passThrough(article, spend);
        }
        Map<String, String> terms = termsOf(article);
        List<Chunk> chunks = chunker.chunk(article.paragraphs());
        if (chunks.size() == 1) {
            try {
                return translateWhole(article, terms, spend);
            } catch (CutOffException e) {
                // the whole article did not fit the model's output: go the long way, in smaller pieces
                return translateInChunks(article, terms, chunker.halved().chunk(article.paragraphs()), spend);
            }
        }
        return translateInChunks(article, terms, chunks, spend);
    }

    /** The source is already in the target language: keep its text, add the analysts' fields. */
    private Translation passThrough(Article article, Spend spend) {
        Summary summary = summarise(article.title() + "\n\n" + article.body(), spend);
        CheckResult checks = checker.checkSummary(summary.output.summary(), list(summary.output.keyPoints()),
                list(summary.output.tags()), targetCode);
        return new Translation(article.title(), article.paragraphs(), summary.output.summary(),
                list(summary.output.keyPoints()), entities(summary.output.entities()), list(summary.output.tags()),
                article.language(), targetCode, name(), model, "full", checks.score(), checks.failures(),
                spend.usage);
    }

    private Translation translateWhole(Article article, Map<String, String> terms, Spend spend) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", article.title());
        document.put("paragraphs", article.paragraphs());
        String articleJson = toJson(document);
        Function<String, Attempt<ArticleTranslationOutput>> attempt = feedback -> {
            ArticleTranslationOutput output = spend.call("translation",
                    () -> translator.translateArticle(targetLanguage, glossaryText(terms), feedback, articleJson));
            CheckResult checks = checker.checkArticle(article.title(), article.paragraphs(), output.title(),
                    strip(output.paragraphs()), orEmpty(output.summary()),
                    list(output.keyPoints()), list(output.tags()), terms, entities(output.entities()), targetCode);
            return new Attempt<>(output, checks);
        };
        Attempt<ArticleTranslationOutput> best = withOneReask(attempt, spend.editorNote);
        ArticleTranslationOutput output = best.output;
        if (list(output.paragraphs()).size() != article.paragraphs().size()) {
            // still misaligned after the re-ask: repair through the chunk path, which aligns piece by piece
            return translateInChunks(article, terms, chunker.chunk(article.paragraphs()), spend);
        }
        return new Translation(require(output.title(), "title"), strip(output.paragraphs()),
                require(output.summary(), "summary"), list(output.keyPoints()), entities(output.entities()),
                list(output.tags()), orDefault(output.sourceLanguage(), article.language()), targetCode, name(), model,
                "full", best.checks.score(), best.checks.failures(), spend.usage, best.checks.notes());
    }

    private Translation translateInChunks(Article article, Map<String, String> terms, List<Chunk> chunks,
                                          Spend spend) {
        List<StringBuilder> paragraphs = new ArrayList<>();
        article.paragraphs().forEach(paragraph -> paragraphs.add(new StringBuilder()));
        Map<String, String> fixedNames = new LinkedHashMap<>();
        Carried carried = new Carried();
        List<String> reviewReasons = new ArrayList<>();
        for (Chunk chunk : chunks) {
            for (ChunkResult part : translateChunk(article, chunk, terms, fixedNames, carried, spend, 0)) {
                reviewReasons.addAll(part.checks.failures());
                for (int i = 0; i < part.pieces.size(); i++) {
                    TextPiece piece = part.chunk.pieces().get(i);
                    StringBuilder paragraph = paragraphs.get(piece.paragraph());
                    if (paragraph.length() > 0) {
                        paragraph.append(' ');
                    }
                    paragraph.append(part.pieces.get(i));
                }
            }
        }
        List<String> english = paragraphs.stream().map(StringBuilder::toString).toList();
        String title = require(carried.title, "title");
        Summary summary = summarise(title + "\n\n" + String.join("\n\n", english), spend);
        List<NamedEntity> entities = new ArrayList<>(entities(summary.output.entities()));
        CheckResult whole = checker.checkArticle(article.title(), article.paragraphs(), title, english,
                summary.output.summary(), list(summary.output.keyPoints()),
                list(summary.output.tags()), terms, merge(entities, fixedNames), targetCode);
        LinkedHashSet<String> reasons = new LinkedHashSet<>(whole.failures());
        return new Translation(title, english, require(summary.output.summary(), "summary"),
                list(summary.output.keyPoints()), entities, list(summary.output.tags()), article.language(),
                targetCode, name(), model, "full", whole.score(), List.copyOf(reasons), spend.usage, whole.notes());
    }

    /**
     * Translates one chunk, re-asking once when a check fails. An answer cut off at the output limit is split in
     * two and each half translated; a paragraph count that stays wrong is repaired one piece at a time.
     */
    private List<ChunkResult> translateChunk(Article article, Chunk chunk, Map<String, String> terms,
                                             Map<String, String> fixedNames, Carried carried, Spend spend,
                                             int splits) {
        Map<String, Object> document = new LinkedHashMap<>();
        boolean withTitle = carried.title == null;
        document.put("title", withTitle ? article.title() : "");
        document.put("pieces", chunk.texts());
        String chunkJson = toJson(document);
        String context = context(carried.previousEnd, fixedNames);
        Map<String, String> chunkTerms = termsIn(terms, String.join("\n", chunk.texts()));
        Function<String, Attempt<ChunkTranslationOutput>> attempt = feedback -> {
            ChunkTranslationOutput output = spend.call("translation of part " + (chunk.index() + 1),
                    () -> translator.translateChunk(targetLanguage, glossaryText(chunkTerms), context, feedback,
                            chunkJson));
            List<NamedEntity> names = merge(entities(output.names()), fixedNames);
            CheckResult checks = checker.checkTranslation(chunk.texts(), list(output.paragraphs()), chunkTerms, names,
                    targetCode);
            return new Attempt<>(output, checks);
        };
        Attempt<ChunkTranslationOutput> best;
        try {
            best = withOneReask(attempt, spend.editorNote);
        } catch (CutOffException e) {
            if (splits >= MAX_SPLITS) {
                throw e;
            }
            List<ChunkResult> results = new ArrayList<>();
            for (Chunk half : halves(chunk)) {
                results.addAll(translateChunk(article, half, terms, fixedNames, carried, spend, splits + 1));
            }
            return results;
        }
        ChunkTranslationOutput output = best.output;
        if (list(output.paragraphs()).size() != chunk.pieces().size()) {
            if (chunk.pieces().size() == 1) {
                // one piece came back as several paragraphs: it is still that one piece
                output = new ChunkTranslationOutput(output.title(), List.of(String.join(" ",
                        strip(output.paragraphs()))), output.names());
            } else {
                List<ChunkResult> results = new ArrayList<>();
                for (TextPiece piece : chunk.pieces()) {
                    results.addAll(translateChunk(article, new Chunk(chunk.index(), List.of(piece)), terms,
                            fixedNames, carried, spend, splits));
                }
                return results;
            }
        }
        if (withTitle) {
            carried.title = require(output.title(), "title");
        }
        for (NamedEntity name : entities(output.names())) {
            fixedNames.putIfAbsent(name.name(), name.english());
        }
        List<String> pieces = strip(output.paragraphs());
        String last = pieces.get(pieces.size() - 1);
        carried.previousEnd = last.length() <= CONTEXT_CHARS ? last : last.substring(last.length() - CONTEXT_CHARS);
        return List.of(new ChunkResult(chunk, pieces, best.checks));
    }

    /** The analysts' fields from a translated text; map-reduce when the text is too long for one call. */
    private Summary summarise(String text, Spend spend) {
        List<Chunk> groups = chunker.scaled(4).chunk(List.of(text.split("\n\n")));
        String input = text;
        List<NamedEntity> mapped = new ArrayList<>();
        if (groups.size() > 1) {
            StringBuilder partial = new StringBuilder();
            for (Chunk group : groups) {
                Summary part = summariseOnce(String.join("\n\n", group.texts()), spend);
                partial.append(part.output.summary()).append("\n");
                list(part.output.keyPoints()).forEach(point -> partial.append("- ").append(point).append("\n"));
                mapped.addAll(entities(part.output.entities()));
            }
            input = partial.toString();
        }
        Summary summary = summariseOnce(input, spend);
        if (mapped.isEmpty()) {
            return summary;
        }
        List<EntityOutput> entities = new ArrayList<>(list(summary.output.entities()));
        mapped.forEach(entity -> entities.add(new EntityOutput(entity.name(), entity.english(), entity.type())));
        return new Summary(new SummaryOutput(summary.output.summary(), summary.output.keyPoints(),
                distinctByName(entities), summary.output.tags()));
    }

    private Summary summariseOnce(String text, Spend spend) {
        // as JSON, like the translation prompts: a line in the text cannot close the block and become instructions
        String textJson = toJson(Map.of("text", text));
        Attempt<SummaryOutput> best = withOneReask(feedback -> {
            SummaryOutput output = spend.call("summary",
                    () -> translator.summarise(targetLanguage, feedback, textJson));
            return new Attempt<>(output, checker.checkSummary(orEmpty(output.summary()), list(output.keyPoints()),
                    list(output.tags()), targetCode));
        }, spend.editorNote);
        return new Summary(best.output);
    }

    /**
     * One answer; when its checks fail, one more with the failures as feedback; the better of the two. An editor's
     * note, when there is one, is the first answer's feedback and goes with the failures into the second.
     */
    private static <T> Attempt<T> withOneReask(Function<String, Attempt<T>> attempt, String editorNote) {
        Attempt<T> first = attempt.apply(editorNote == null ? NO_FEEDBACK : editorNote);
        if (first.checks.passed()) {
            return first;
        }
        Attempt<T> second = attempt.apply(String.join("\n", first.checks.failures())
                + (editorNote == null ? "" : "\n" + editorNote));
        return second.checks.score() >= first.checks.score() ? second : first;
    }

    private static List<Chunk> halves(Chunk chunk) {
        List<TextPiece> pieces = chunk.pieces();
        if (pieces.size() > 1) {
            int middle = pieces.size() / 2;
            return List.of(new Chunk(chunk.index(), pieces.subList(0, middle)),
                    new Chunk(chunk.index(), pieces.subList(middle, pieces.size())));
        }
        TextPiece piece = pieces.get(0);
        List<String> sentences = dev.warta.text.SentenceSplitter.split(piece.text());
        if (sentences.size() < 2) {
            throw new CutOffException("translation: the model's answer was cut off at its output token limit, even "
                    + "for a single sentence", null);
        }
        int middle = sentences.size() / 2;
        String first = String.join(" ", sentences.subList(0, middle));
        String second = String.join(" ", sentences.subList(middle, sentences.size()));
        return List.of(new Chunk(chunk.index(), List.of(new TextPiece(piece.paragraph(), first, piece.tokens() / 2))),
                new Chunk(chunk.index(), List.of(new TextPiece(piece.paragraph(), second, piece.tokens() / 2))));
    }

    private Map<String, String> termsOf(Article article) {
        return termsIn(null, article.title() + "\n" + article.body());
    }

    /** Glossary terms occurring in the text; from {@code among} only, when given. */
    private Map<String, String> termsIn(Map<String, String> among, String text) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (Map.Entry<String, String> term : glossary.termsIn(text)) {
            if (among == null || among.containsKey(term.getKey())) {
                terms.put(term.getKey(), term.getValue());
            }
        }
        return terms;
    }

    private static String glossaryText(Map<String, String> terms) {
        if (terms.isEmpty()) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        terms.forEach((term, rendering) -> text.append(term).append(" → ").append(rendering).append('\n'));
        return text.toString().strip();
    }

    private static String context(String previousEnd, Map<String, String> fixedNames) {
        if (previousEnd == null) {
            return "(this is the first part)";
        }
        StringBuilder context = new StringBuilder();
        if (!fixedNames.isEmpty()) {
            context.append("Names and terms already fixed (use the same rendering):\n");
            fixedNames.forEach((name, rendering) -> context.append(name).append(" → ").append(rendering).append('\n'));
        }
        context.append("The previous part ended: \"").append(previousEnd).append('"');
        return context.toString();
    }

    private static List<NamedEntity> merge(List<NamedEntity> entities, Map<String, String> fixedNames) {
        List<NamedEntity> all = new ArrayList<>(entities);
        fixedNames.forEach((name, rendering) -> all.add(new NamedEntity(name, rendering, "OTHER")));
        return all;
    }

    private static List<EntityOutput> distinctByName(List<EntityOutput> entities) {
        Map<String, EntityOutput> byName = new LinkedHashMap<>();
        entities.forEach(entity -> byName.putIfAbsent(entity.name(), entity));
        return List.copyOf(byName.values());
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

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static List<String> strip(List<String> values) {
        return list(values).stream().map(value -> value == null ? "" : value.strip()).toList();
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new TranslationException("the model returned no " + field, true, null);
        }
        return value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer and what the checks made of it. */
    private record Attempt<T>(T output, CheckResult checks) {
    }

    private record ChunkResult(Chunk chunk, List<String> pieces, CheckResult checks) {
    }

    private record Summary(SummaryOutput output) {
    }

    /** What one chunk hands to the next: the translated title and the end of its text. */
    private static final class Carried {
        private String title;
        private String previousEnd;
    }

    /** The answer was cut off at the model's output token limit: the same request in smaller pieces may fit. */
    private static final class CutOffException extends TranslationException {
        CutOffException(String message, Throwable cause) {
            super(message, true, cause);
        }
    }

    /** The calls made for one article and their cost; turns every way a call can fail into a reason. */
    private final class Spend {
        private Usage usage = Usage.NONE;
        /** An editor's note on an earlier translation, given to the model as feedback; {@code null} for none. */
        private final String editorNote;

        Spend(String editorNote) {
            this.editorNote = editorNote;
        }

        <T> T call(String what, Supplier<Result<T>> call) {
            // a malformed answer is asked for once more before the article is given up for this run
            try {
                return once(what, call);
            } catch (MalformedAnswerException e) {
                return once(what, call);
            }
        }

        private <T> T once(String what, Supplier<Result<T>> call) {
            Result<T> result;
            meter.forgetLastFinishReason();
            answers.startCall();
            try {
                result = call.get();
            } catch (OutputParsingException e) {
                usage = usage.plus(new Usage(1, 0, 0));
                // not the document asked for: the same request must reach the model again, not this answer
                answers.rejectLastAnswerOfThisThread();
                if (meter.lastFinishReasonOfThisThread() == FinishReason.LENGTH) {
                    throw new CutOffException(what + ": the model's answer was cut off at its output token limit", e);
                }
                if (meter.lastFinishReasonOfThisThread() == FinishReason.CONTENT_FILTER) {
                    // asking the same again in this run would meet the same filter
                    throw new TranslationException(what + ": stopped by the provider's content filter", false, e);
                }
                throw new MalformedAnswerException(what + ": the model's answer was not the JSON document asked for",
                        e);
            } catch (RateLimitException e) {
                throw TranslationException.unavailable(what + ": rate limited by the endpoint (HTTP 429) until the "
                        + "retries ran out", e);
            } catch (TimeoutException e) {
                throw TranslationException.unavailable(what + ": the endpoint did not answer in time", e);
            } catch (InternalServerException e) {
                throw TranslationException.unavailable(what + ": the endpoint failed (" + httpStatus(e) + ")", e);
            } catch (AuthenticationException e) {
                throw TranslationException.wrongSettings("the endpoint rejected the API key (" + httpStatus(e) + ")",
                        e);
            } catch (ModelNotFoundException e) {
                throw TranslationException.wrongSettings("model '" + model + "' not found (" + httpStatus(e) + ")",
                        e);
            } catch (ContentFilteredException e) {
                throw new TranslationException(what + ": stopped by the provider's content filter", false, e);
            } catch (InvalidRequestException e) {
                throw new TranslationException(what + ": the endpoint rejected the request: "
                        + firstLine(e.getMessage()), false, e);
            } catch (HttpException e) {
                if (e.statusCode() == 413 || e.statusCode() == 422) {
                    // the request is too large or not processable: something about this article's text
                    throw new TranslationException(what + ": the endpoint rejected the request (HTTP "
                            + e.statusCode() + "): " + firstLine(e.getMessage()), false, e);
                }
                throw TranslationException.unavailable(what + ": the endpoint answered HTTP " + e.statusCode(), e);
            } catch (RuntimeException e) {
                EndpointRejectedException rejected = EndpointRejectedException.findIn(e);
                if (rejected != null) {
                    throw TranslationException.wrongSettings(rejected.getMessage(), e);
                }
                CallRefusedException refused = CallRefusedException.findIn(e);
                if (refused != null) {
                    throw TranslationException.unavailable(refused.getMessage(), e);
                }
                EndpointUnavailableException unavailable = EndpointUnavailableException.findIn(e);
                if (unavailable != null) {
                    throw TranslationException.unavailable(unavailable.getMessage(), e);
                }
                EndpointFaultException fault = EndpointFaultException.findIn(e);
                if (fault != null) {
                    throw TranslationException.unavailable(what + ": " + fault.getMessage(), e);
                }
                if (causeNamed(e, "HttpTimeoutException") != null) {
                    throw TranslationException.unavailable(what + ": the endpoint did not answer in time", e);
                }
                if (e.getCause() instanceof java.io.IOException io) {
                    throw TranslationException.unavailable(what + ": cannot reach the endpoint: "
                            + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()), e);
                }
                throw e;
            }
            usage = usage.plus(usage(result));
            if (result.finishReason() == FinishReason.LENGTH) {
                throw new CutOffException(what + ": the model's answer was cut off at its output token limit", null);
            }
            if (result.finishReason() == FinishReason.CONTENT_FILTER) {
                // a later night may ask again and be answered: this answer is not kept
                answers.rejectLastAnswerOfThisThread();
                throw new TranslationException(what + ": stopped by the provider's content filter", false, null);
            }
            if (result.content() == null) {
                answers.rejectLastAnswerOfThisThread();
                throw new MalformedAnswerException(what + ": the model returned no content (a refusal?)", null);
            }
            return result.content();
        }
    }

    private static final class MalformedAnswerException extends TranslationException {
        MalformedAnswerException(String message, Throwable cause) {
            super(message, true, cause);
        }
    }

    private static Usage usage(Result<?> result) {
        TokenUsage tokens = result.tokenUsage();
        if (tokens == null) {
            return new Usage(1, 0, 0);
        }
        return new Usage(1, tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount(),
                tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount());
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
