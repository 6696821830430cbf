package dev.warta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Function;

/**
 * Default behaviour of the {@link OpenAiStub}: answers each kind of Warta request with a well-formed document of
 * the schema asked for. Its "translation" marks each paragraph with {@code [en]} so tests can tell which source
 * paragraph every output paragraph came from; token counts are derived from the request and answer lengths.
 */
public class SimulatedTranslator implements Function<OpenAiStub.RecordedRequest, OpenAiStub.StubResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public OpenAiStub.StubResponse apply(OpenAiStub.RecordedRequest request) {
        ObjectNode answer = JSON.createObjectNode();
        String schema = request.schemaName();
        if ("SummaryOutput".equals(schema)) {
            summary(answer);
        } else {
            JsonNode document = request.document();
            String title = document.path("title").asText("");
            answer.put("title", title.isEmpty() ? "" : "[en] " + title);
            ArrayNode paragraphs = answer.putArray("paragraphs");
            JsonNode source = document.has("pieces") ? document.path("pieces") : document.path("paragraphs");
            source.forEach(paragraph -> paragraphs.add("[en] " + paragraph.asText()));
            if ("ArticleTranslationOutput".equals(schema)) {
                summary(answer);
                answer.put("sourceLanguage", "id");
            }
        }
        String content = answer.toString();
        int promptTokens = request.body().toString().length() / 4;
        return OpenAiStub.completion(content, "stop", promptTokens, content.length() / 4);
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
