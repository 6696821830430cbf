package dev.warta.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.OpenAiStub;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TokenEstimate#answer} reads an answer in one pass; it must tell what reading the whole answer as a tree
 * told: whether the body is a whole JSON object (a cut-off answer is retried as a transport fault) and what its
 * {@code usage} says (what the run is billed).
 */
class TokenEstimateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnswerCutOffAnywhereIsNotAJsonObjectAndAWholeOneStatesItsUsage() {
        String whole = OpenAiStub.completion("{\"title\":\"Rusia \\\"kehilangan\\\" 600.000\",\"paragraphs\":"
                + "[\"a\\u00e9\",\"日本語 😀\"]}", "stop", 1234, 56).body();

        for (int length = 0; length < whole.length(); length++) {
            String cut = whole.substring(0, length);
            assertThat(TokenEstimate.answer(cut).jsonObject()).as(cut).isEqualTo(isObjectAsTree(cut));
        }
        TokenEstimate.Answer answer = TokenEstimate.answer(whole);
        assertThat(answer.jsonObject()).isTrue();
        assertThat(answer.tokens()).containsExactly(1234, 56);
        assertSameAsTree(whole);
    }

    @Test
    void oddBodiesAreReadAsATreeReadsThem() {
        List<String> bodies = new ArrayList<>(List.of(
                "", "   ", "null", "[]", "[{\"usage\":{\"prompt_tokens\":1}}]", "\"text\"", "42", "{}",
                "{\"usage\":null}",
                "{\"usage\":[1,2]}",
                "{\"usage\":{\"prompt_tokens\":\"12\",\"completion_tokens\":3}}",
                "{\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":\"7\",\"total_tokens\":19}}",
                "{\"usage\":{\"prompt_tokens\":12.5,\"completion_tokens\":true}}",
                "{\"usage\":{\"prompt_tokens\":12},\"usage\":{\"prompt_tokens\":99,\"completion_tokens\":1}}",
                "{\"usage\":{\"prompt_tokens\":99,\"completion_tokens\":1},\"usage\":\"none\"}",
                "{\"choices\":[{\"message\":{\"content\":\"x\"}}],\"usage\":{\"prompt_tokens\":5,"
                        + "\"completion_tokens\":6,\"total_tokens\":11}} trailing",
                "{\"a\":\"bad escape \\q\",\"usage\":{\"prompt_tokens\":5}}",
                "{\"a\":\"raw\ncontrol\",\"usage\":{\"prompt_tokens\":5}}",
                "{\"a\":01,\"usage\":{\"prompt_tokens\":5}}",
                "{\"a\":[1,2,}",
                "{\"usage\":{\"prompt_tokens\":5}}\n{\"usage\":{\"prompt_tokens\":6}}"));
        for (String body : bodies) {
            assertSameAsTree(body);
        }
    }

    private static void assertSameAsTree(String body) {
        TokenEstimate.Answer answer = TokenEstimate.answer(body);
        JsonNode root = tree(body);
        assertThat(answer.jsonObject()).as(body).isEqualTo(root != null && root.isObject());
        JsonNode usage = root == null ? null : root.path("usage");
        long[] expected = usage == null || !usage.path("prompt_tokens").canConvertToLong() ? null
                : new long[] {usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong(0)};
        assertThat(Arrays.toString(answer.tokens())).as(body).isEqualTo(Arrays.toString(expected));
        JsonNode total = root == null ? null : root.path("usage").get("total_tokens");
        assertThat(answer.reportedTotal()).as(body)
                .isEqualTo(total != null && total.canConvertToLong() ? total.asLong() : -1);
    }

    private static boolean isObjectAsTree(String body) {
        JsonNode root = tree(body);
        return root != null && root.isObject();
    }

    /** How the answers were read before: the whole body as a tree. */
    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }
}
