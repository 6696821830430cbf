package dev.warta.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For benchmarks outside this package: what {@link ResilientHttpClient} learns from an answer (a whole JSON object?
 * its usage), read in one pass as now, or as whole-answer trees as before {@link TokenEstimate#answer}.
 */
public final class AnswerReadings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerReadings() {
    }

    /** Prompt tokens of the answer read in one pass, or -1. */
    public static long inOnePass(String body) {
        TokenEstimate.Answer answer = TokenEstimate.answer(body);
        long[] tokens = answer.jsonObject() ? answer.tokens() : null;
        return tokens == null ? -1 : tokens[0];
    }

    /** The same read as before: one tree to see that it is an object, another for its usage. */
    public static long asTwoTrees(String body) {
        JsonNode first = tree(body);
        if (first == null || !first.isObject()) {
            return -1;
        }
        JsonNode usage = tree(body).path("usage");
        return usage.path("prompt_tokens").canConvertToLong() ? usage.path("prompt_tokens").asLong() : -1;
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }
}
