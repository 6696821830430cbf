package dev.warta.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/** The batch input file: one JSON line per request, {@code {"custom_id", "method", "url", "body"}}. */
public final class BatchInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchInput() {
    }

    /** One line per request, its custom_id the key its answer is kept under. */
    public static String jsonLines(Collection<CapturedRequest> requests) {
        StringBuilder lines = new StringBuilder();
        for (CapturedRequest request : requests) {
            lines.append(line(request.key(), request.body())).append('\n');
        }
        return lines.toString();
    }

    static String line(String customId, String body) {
        ObjectNode line = JSON.createObjectNode();
        line.put("custom_id", customId);
        line.put("method", "POST");
        line.put("url", OpenAiBatchApi.CHAT_COMPLETIONS);
        try {
            // the provider sends this body on; the answer is kept under the key of the original string
            line.set("body", JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("a captured request is not JSON", e);
        }
        return line.toString();
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
