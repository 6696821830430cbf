package dev.warta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.warta.article.Glossary;
import dev.warta.offline.OfflineEngine;

import java.util.function.Function;

/**
 * Default behaviour of the {@link OpenAiStub}: answers each kind of Warta request with a well-formed document of
 * the schema asked for, like a model that follows the instructions. Its "translation" is the offline engine's gist,
 * marked {@code [en]}: English enough to pass the faithfulness checks, and computable by a test
 * ({@link #english(String)}) to tell which source paragraph each output paragraph came from. Token counts are
 * derived from the request and answer lengths.
 */
public class SimulatedTranslator implements Function<OpenAiStub.RecordedRequest, OpenAiStub.StubResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OfflineEngine GIST = new OfflineEngine(Glossary.empty());
    private static final OpenAiTokenCountEstimator TOKENS = new OpenAiTokenCountEstimator("gpt-4o-mini");

    /**
     * What gpt-4o-mini would count for the request: its messages, plus the JSON schema, which the provider also
     * turns into prompt tokens, plus a few tokens of message framing each.
     */
    static int promptTokens(OpenAiStub.RecordedRequest request) {
        int tokens = 3;
        for (JsonNode message : request.body().path("messages")) {
            tokens += 4 + TOKENS.estimateTokenCountInText(message.path("content").asText());
        }
        JsonNode schema = request.body().path("response_format").path("json_schema");
        return schema.isMissingNode() ? tokens : tokens + TOKENS.estimateTokenCountInText(schema.toString());
    }

    /** What this simulated model answers for one source paragraph (or title) when the request has no glossary. */
    public static String english(String indonesian) {
        return english(GIST, indonesian);
    }

    private static String english(OfflineEngine gist, String indonesian) {
        return "[en] " + gist.translateText(indonesian);
    }

    /** Like a model that follows its instructions, the simulator uses the glossary renderings the request gives. */
    private static OfflineEngine gistFor(OpenAiStub.RecordedRequest request) {
        java.util.Map<String, String> terms = new java.util.LinkedHashMap<>();
        String user = request.message("user");
        if (user != null) {
            for (String line : user.split("\n")) {
                int arrow = line.indexOf(" → ");
                if (arrow > 0 && !line.startsWith("Glossary")) {
                    terms.put(line.substring(0, arrow).strip(), line.substring(arrow + 3).strip());
                }
            }
        }
        return terms.isEmpty() ? GIST : new OfflineEngine(Glossary.of(terms));
    }

    @Override
    public OpenAiStub.StubResponse apply(OpenAiStub.RecordedRequest request) {
        ObjectNode answer = JSON.createObjectNode();
        String schema = request.schemaName();
        if ("SummaryOutput".equals(schema)) {
            summary(answer);
        } else {
            JsonNode document = request.document();
            String title = document.path("title").asText("");
            OfflineEngine gist = gistFor(request);
            answer.put("title", title.isEmpty() ? "" : english(gist, title));
            ArrayNode paragraphs = answer.putArray("paragraphs");
            JsonNode source = document.has("pieces") ? document.path("pieces") : document.path("paragraphs");
            source.forEach(paragraph -> paragraphs.add(english(gist, paragraph.asText())));
            if ("ChunkTranslationOutput".equals(schema)) {
                answer.putArray("names");
            }
            if ("ArticleTranslationOutput".equals(schema)) {
                summary(answer);
                answer.put("sourceLanguage", "id");
            }
        }
        String content = answer.toString();
        return OpenAiStub.completion(content, "stop", promptTokens(request), TOKENS.estimateTokenCountInText(content));
    }

    private static void summary(ObjectNode answer) {
        answer.put("summary", "NATO's chief said Russia has lost many soldiers. He warned about North Korea.");
        ArrayNode points = answer.putArray("keyPoints");
        points.add("Russia has suffered heavy losses.");
        points.add("North Korea sent troops.");
        points.add("NATO will keep supporting Ukraine.");
        ArrayNode entities = answer.putArray("entities");
        ObjectNode entity = entities.addObject();
        entity.put("name", "Mark Rutte");
        entity.put("rendering", "Mark Rutte");
        entity.put("type", "PERSON");
        answer.putArray("tags").add("security");
    }
}
