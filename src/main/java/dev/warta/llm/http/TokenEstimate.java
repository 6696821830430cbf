package dev.warta.llm.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * What a response body says of itself, read in one pass: whether it is a whole JSON object, as every answer of
     * the API is (a body cut off in transit is not), and its {@code usage}. Only {@code usage} becomes a tree; the
     * rest is skipped over, which costs a fraction of reading the whole answer as a tree (twice, as it was).
     */
    static Answer answer(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Answer.NOT_JSON_OBJECT;
            }
            JsonNode usage = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isUsage = "usage".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isUsage) {
                    // the last one counts, as in a tree; anything but an object states no usage
                    usage = value == JsonToken.START_OBJECT ? parser.readValueAsTree() : null;
                } else {
                    parser.skipChildren();
                }
            }
            // what follows the object is not read, as a tree reader would not
            return new Answer(true, usage);
        } catch (IOException | RuntimeException notJson) {
            return Answer.NOT_JSON_OBJECT;
        }
    }

    /**
     * A response body's facts.
     *
     * @param jsonObject whether the body is a whole JSON object
     * @param usage      its {@code usage} object, or null when it has none
     */
    record Answer(boolean jsonObject, JsonNode usage) {

        static final Answer NOT_JSON_OBJECT = new Answer(false, null);

        /** Prompt and completion tokens as the {@code usage} states them, or null when it states none. */
        long[] tokens() {
            if (usage == null || !usage.path("prompt_tokens").canConvertToLong()) {
                return null;
            }
            return new long[] {usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong(0)};
        }

        /** {@code usage.total_tokens}, or -1 when there is none. */
        long reportedTotal() {
            JsonNode total = usage == null ? null : usage.get("total_tokens");
            return total != null && total.canConvertToLong() ? total.asLong() : -1;
        }
    }

    /** Our guess at what an answer we could not read cost: its request's prompt, and what arrived of the answer. */
    static long[] guess(String requestBody, String partialAnswer) {
        long prompt = requestBody == null ? 0 : (requestBody.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        long completion = (partialAnswer.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        return new long[] {prompt, completion};
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
