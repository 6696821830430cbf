package dev.warta.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What came back from a batch: its output file and its error file read together, by {@code custom_id}, in whatever
 * order the provider wrote them. A request can fail inside a batch that completed (its line in the output file has
 * a status other than 200, or it is in the error file): it is a failure here, never an answer.
 *
 * @param answers          the chat-completion body of each request answered with HTTP 200, by custom_id
 * @param failures         why each failed request failed, by custom_id
 * @param promptTokens     prompt tokens the answers state (what the batch billed)
 * @param completionTokens completion tokens the answers state
 * @param unreadableLines  lines that are not the API's JSON (a download cut short): their requests count as missing
 */
public record BatchResults(Map<String, String> answers, Map<String, String> failures, long promptTokens,
                           long completionTokens, int unreadableLines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static BatchResults read(String outputFile, String errorFile) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        long[] tokens = new long[2];
        int unreadable = 0;
        for (String file : new String[]{outputFile, errorFile}) {
            if (file == null) {
                continue;
            }
            for (String line : file.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item;
                try {
                    item = JSON.readTree(line);
                } catch (IOException e) {
                    unreadable++;
                    continue;
                }
                String customId = item.path("custom_id").asText(null);
                if (customId == null) {
                    unreadable++;
                    continue;
                }
                JsonNode response = item.path("response");
                JsonNode body = response.path("body");
                if (response.path("status_code").asInt() == 200 && body.isObject()
                        && (item.path("error").isMissingNode() || item.path("error").isNull())) {
                    answers.put(customId, body.toString());
                    failures.remove(customId);
                    tokens[0] += body.path("usage").path("prompt_tokens").asLong();
                    tokens[1] += body.path("usage").path("completion_tokens").asLong();
                } else if (!answers.containsKey(customId)) {
                    failures.put(customId, reason(item));
                }
            }
        }
        return new BatchResults(Map.copyOf(answers), Map.copyOf(failures), tokens[0], tokens[1], unreadable);
    }

    private static String reason(JsonNode item) {
        JsonNode error = item.path("error");
        if (error.isObject()) {
            return error.path("code").asText("error") + ": " + error.path("message").asText("(no message)");
        }
        JsonNode response = item.path("response");
        String message = response.path("body").path("error").path("message").asText(null);
        return "HTTP " + response.path("status_code").asInt() + (message == null ? "" : ": " + message);
    }
}
