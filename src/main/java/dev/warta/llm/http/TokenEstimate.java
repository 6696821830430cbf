package dev.warta.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Rough token counts for the client-side token limit. Exactness is not needed: the provider's own headers and the
 * {@code usage} of each response keep the bucket honest, and a tokenizer per request would cost more than it saves.
 */
final class TokenEstimate {

    /** English prose averages about four characters a token; Indonesian a little more, so this errs on the safe side. */
    private static final int CHARS_PER_TOKEN = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenEstimate() {
    }

    /** Prompt tokens from the body length, plus the completion tokens the request allows for, if it says. */
    static long ofRequest(String body) {
        if (body == null || body.isEmpty()) {
            return 0;
        }
        long prompt = (body.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        JsonNode root = parse(body);
        long completion = root == null ? 0
                : Math.max(root.path("max_completion_tokens").asLong(0), root.path("max_tokens").asLong(0));
        return prompt + completion;
    }

    /** {@code usage.total_tokens} of a chat-completion response, or -1 when it has none. */
    static long reportedBy(String responseBody) {
        JsonNode root = parse(responseBody);
        JsonNode total = root == null ? null : root.path("usage").get("total_tokens");
        return total != null && total.canConvertToLong() ? total.asLong() : -1;
    }

    /** Prompt and completion tokens as a response's {@code usage} states them, or null when it states none. */
    static long[] usageOf(String responseBody) {
        JsonNode root = parse(responseBody);
        JsonNode usage = root == null ? null : root.path("usage");
        if (usage == null || !usage.path("prompt_tokens").canConvertToLong()) {
            return null;
        }
        return new long[] {usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong(0)};
    }

    /** Our guess at what an answer we could not read cost: its request's prompt, and what arrived of the answer. */
    static long[] guess(String requestBody, String partialAnswer) {
        long prompt = requestBody == null ? 0 : (requestBody.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        long completion = (partialAnswer.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        return new long[] {prompt, completion};
    }

    /** Whether a body is a JSON object, as every answer of the API is; a body cut off in transit is not. */
    static boolean isJsonObject(String body) {
        JsonNode root = parse(body);
        return root != null && root.isObject();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
