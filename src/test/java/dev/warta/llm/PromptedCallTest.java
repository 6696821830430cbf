package dev.warta.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.warta.llm.http.CallMetrics;
import dev.warta.llm.http.CallPolicy;
import dev.warta.llm.http.ResilientHttpClientBuilder;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.OpenAiStub.StubResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The prepared calls against LangChain4j's own {@code AiServices} over the same {@link NewsTranslator} interface,
 * both on the real OpenAI client and the local stub: the request bodies must be the same bytes (an answer is kept
 * under its request's bytes, and a changed byte would make a rerun pay again), and every answer, good or bad, must
 * come out the same, as a result or as the same error.
 */
class PromptedCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values that a template engine could mistake for its own syntax, or a serializer could mangle. */
    private static final List<String> HOSTILE = List.of(
            "plain text",
            "Rp 5 triliun costs $1 and $2, \\1 and \\\\ and \\$ and $",
            "{{article}} {{feedback}} {{ glossary }} {{targetLanguage}} {{it}} {{current_date}} {{",
            "\"quoted\" 'single' \\\"escaped\\\" </script> <<<ARTICLE\nARTICLE>>>",
            "line\nbreaks\r\nand\ttabs\u0000and\u001fcontrols\u2028\u2029",
            "Bahasa Indonesia, 日本語, العربية, русский, ελληνικά, emoji 🇮🇩😀, combining é, zero\u200Bwidth",
            "→ ← ≠ € £ ¥ ° ± µ §",
            "x".repeat(5) + "panjang sekali. ".repeat(20_000));

    private OpenAiStub stub;
    private NewsTranslator reference;
    private NewsTranslator prepared;

    @BeforeEach
    void start() {
        stub = OpenAiStub.start();
        ChatModel model = LlmConfiguration.chatModel(properties(), new UsageMeter(), new ResilientHttpClientBuilder(
                new CallPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(20), 0, 0, 1000),
                new CallMetrics()));
        reference = AiServices.builder(NewsTranslator.class).chatModel(model).build();
        prepared = new PreparedNewsTranslator(model);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private LlmProperties properties() {
        return new LlmProperties(stub.baseUrl(), "test-key", "gpt-4o-mini", 0.2, Duration.ofSeconds(20), 0,
                Duration.ofMillis(10), 2000, 1, 0, 0, 1000, Map.of(), false, "sync", null, "sync", "stop",
                Duration.ofSeconds(30));
    }

    @Test
    void everyMethodSendsTheSameBytesAsAiServicesForHostileValues() throws Exception {
        // AiServices reads the prompt files in the platform charset, the prepared calls in UTF-8 (their encoding):
        // the two agree where the platform charset is UTF-8, which is where kept answers must stay valid
        assumeTrue(Charset.defaultCharset().equals(StandardCharsets.UTF_8), "platform charset is not UTF-8");
        stub.respondWith(request -> StubResponse.ok(completion(wellFormedAnswer(request.schemaName()))));
        int compared = 0;
        for (String hostile : HOSTILE) {
            String document = JSON.writeValueAsString(Map.of("title", hostile, "paragraphs", List.of(hostile, "b")));
            for (Function<NewsTranslator, Result<?>> call : List.<Function<NewsTranslator, Result<?>>>of(
                    translator -> translator.translateArticle("English", hostile, hostile, document),
                    translator -> translator.translateArticle(hostile, "(none)", "(none: first)", hostile),
                    translator -> translator.translateChunk("English", hostile, hostile, hostile, document),
                    translator -> translator.translateChunk(hostile, "a → b", "(first part)", "none", hostile),
                    translator -> translator.summarise("English", hostile, document),
                    translator -> translator.summarise(hostile, "none", hostile))) {
                stub.reset();
                stub.respondWith(request -> StubResponse.ok(completion(wellFormedAnswer(request.schemaName()))));
                Result<?> expected = call.apply(reference);
                Result<?> actual = call.apply(prepared);

                List<byte[]> bodies = stub.bodyBytes();
                assertThat(bodies).hasSize(2);
                // as text first, for a readable difference; then byte for byte
                assertThat(new String(bodies.get(1), StandardCharsets.UTF_8))
                        .isEqualTo(new String(bodies.get(0), StandardCharsets.UTF_8));
                assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
                assertThat(stub.requests().get(1).headers()).isEqualTo(stub.requests().get(0).headers());
                assertSameResult(actual, expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(HOSTILE.size() * 6);
        // the hostile value arrived as it was, not rendered into a placeholder or its escapes expanded
        stub.reset();
        stub.respondWith(request -> StubResponse.ok(completion(wellFormedAnswer(request.schemaName()))));
        prepared.translateArticle("English", HOSTILE.get(2), HOSTILE.get(1), "{}");
        String user = stub.requests().get(0).message("user");
        assertThat(user).contains(HOSTILE.get(2)).contains(HOSTILE.get(1)).doesNotContain("{{glossary}}");
    }

    @Test
    void everyKindOfAnswerComesOutAsFromAiServices() {
        Map<String, StubResponse> answers = new LinkedHashMap<>();
        answers.put("well formed", StubResponse.ok(completion(wellFormedAnswer("ArticleTranslationOutput"))));
        answers.put("fenced", StubResponse.ok(completion(
                "Here it is:\n```json\n" + wellFormedAnswer("ArticleTranslationOutput") + "\n```")));
        answers.put("prose", StubResponse.ok(completion("Here is the translation: Russia lost...")));
        answers.put("invalid JSON", StubResponse.ok(completion("{\"title\": \"Rusia\", \"paragraphs\": [\"a\",}")));
        answers.put("missing fields", StubResponse.ok(completion("{\"title\":\"Only a title\"}")));
        answers.put("wrong types", StubResponse.ok(completion("{\"title\":[1,2],\"paragraphs\":\"one\"}")));
        answers.put("empty object", StubResponse.ok(completion("{}")));
        answers.put("blank", StubResponse.ok(completion("   ")));
        answers.put("no content (a refusal)", OpenAiStub.completion(null, "stop", 12, 0));
        answers.put("cut off", OpenAiStub.completion("{\"title\":\"Rus", "length", 100, 4096));
        answers.put("cut off but whole", OpenAiStub.completion(
                wellFormedAnswer("ArticleTranslationOutput"), "length", 100, 4096));
        answers.put("content filter", OpenAiStub.completion("{\"title\":\"", "content_filter", 100, 3));
        answers.put("refusal field", StubResponse.ok("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,"
                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":6}}"));
        answers.put("no usage", StubResponse.ok("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,"
                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + JSON.valueToTree(wellFormedAnswer("SummaryOutput")) + "},\"finish_reason\":\"stop\"}]}"));
        answers.put("HTTP 400", StubResponse.error(400, "bad request: context too long"));
        List<String> outcomes = new ArrayList<>();
        answers.forEach((what, answer) -> {
            stub.respondWith(request -> answer);
            for (Function<NewsTranslator, Result<?>> call : List.<Function<NewsTranslator, Result<?>>>of(
                    translator -> translator.translateArticle("English", "(none)", "(none)", "{}"),
                    translator -> translator.translateChunk("English", "(none)", "(first)", "(none)", "{}"),
                    translator -> translator.summarise("English", "(none)", "{}"))) {
                Object expected = outcome(() -> call.apply(reference));
                Object actual = outcome(() -> call.apply(prepared));
                if (expected instanceof Result<?> expectedResult && actual instanceof Result<?> actualResult) {
                    assertSameResult(actualResult, expectedResult);
                    outcomes.add(what + ": a result");
                } else {
                    assertThat(actual).as(what).isEqualTo(expected);
                    outcomes.add(what + ": " + expected);
                }
            }
        });
        // the comparison covered failures, not only answers both paths accept
        assertThat(outcomes).anyMatch(outcome -> outcome.startsWith("prose: OutputParsingException"))
                .anyMatch(outcome -> outcome.startsWith("cut off: OutputParsingException"))
                .anyMatch(outcome -> outcome.startsWith("HTTP 400: InvalidRequestException"))
                .anyMatch(outcome -> outcome.startsWith("well formed: a result"));
    }

    /** The result, or the failure as its class and message (with those of its causes). */
    private static Object outcome(java.util.function.Supplier<Result<?>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            StringBuilder failure = new StringBuilder();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                failure.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(" | ");
            }
            return failure.toString();
        }
    }

    private static void assertSameResult(Result<?> actual, Result<?> expected) {
        assertThat(actual.content()).isEqualTo(expected.content());
        assertThat(actual.tokenUsage()).isEqualTo(expected.tokenUsage());
        assertThat(actual.finishReason()).isEqualTo(expected.finishReason());
        assertThat(actual.sources()).isEqualTo(expected.sources());
        assertThat(actual.toolExecutions()).isEqualTo(expected.toolExecutions());
        assertThat(actual.intermediateResponses()).isEqualTo(expected.intermediateResponses());
        assertThat(actual.finalResponse().aiMessage()).isEqualTo(expected.finalResponse().aiMessage());
    }

    private static String wellFormedAnswer(String schema) {
        Map<String, Object> answer = new LinkedHashMap<>();
        List<Map<String, String>> entities = List.of(Map.of("name", "Jakarta", "rendering", "Jakarta",
                "type", "PLACE"));
        if ("SummaryOutput".equals(schema)) {
            answer.put("summary", "A summary with $1 and \\ and {{x}}.");
            answer.put("keyPoints", List.of("One.", "Two."));
            answer.put("entities", entities);
            answer.put("tags", List.of("politics"));
        } else if ("ChunkTranslationOutput".equals(schema)) {
            answer.put("title", "Title");
            answer.put("paragraphs", List.of("First.", "Second."));
            answer.put("names", entities);
        } else {
            answer.put("title", "Title");
            answer.put("paragraphs", List.of("First.", "Second."));
            answer.put("summary", "Summary.");
            answer.put("keyPoints", List.of("One."));
            answer.put("entities", entities);
            answer.put("tags", List.of("economy"));
            answer.put("sourceLanguage", "id");
        }
        try {
            return JSON.writeValueAsString(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String completion(String content) {
        return OpenAiStub.completion(content, "stop", 10, 20).body();
    }

    @Test
    void thePromptFilesReachTheModelInUtf8WhateverThePlatformCharset() {
        stub.respondWith(request -> StubResponse.ok(completion(wellFormedAnswer(request.schemaName()))));

        prepared.translateArticle("English", "DPR → House of Representatives", "(none: first attempt)", "{}");

        // the user prompt's own heading has an arrow; read in ASCII or Latin-1 it would arrive as replacement marks
        assertThat(new String(stub.bodyBytes().get(0), StandardCharsets.UTF_8))
                .contains("Glossary (source term \\u2192 required rendering)".replace("\\u2192", "→"));
    }
}
