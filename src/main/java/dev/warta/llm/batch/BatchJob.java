package dev.warta.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Set;

/**
 * A batch as the provider describes it ({@code GET /v1/batches/{id}}).
 *
 * @param status       {@code validating}, {@code in_progress}, {@code finalizing}, {@code completed}, {@code failed},
 *                     {@code expired}, {@code cancelling} or {@code cancelled}
 * @param outputFileId the answers, once the batch has ended (also for an expired or cancelled one); may be null
 * @param errorFileId  the requests that failed inside the batch; may be null
 * @param problem      the provider's reason when the whole batch failed (its input did not validate), else null
 */
public record BatchJob(String id, String status, String inputFileId, String outputFileId, String errorFileId,
                       int total, int completed, int failed, String problem) {

    private static final Set<String> ENDED = Set.of("completed", "failed", "expired", "cancelled");

    static BatchJob from(JsonNode batch) {
        JsonNode counts = batch.path("request_counts");
        StringBuilder problem = new StringBuilder();
        for (JsonNode error : batch.path("errors").path("data")) {
            if (!problem.isEmpty()) {
                problem.append("; ");
            }
            problem.append(error.path("message").asText(error.path("code").asText("unknown error")));
            if (error.hasNonNull("line")) {
                problem.append(" (line ").append(error.path("line").asInt()).append(')');
            }
        }
        return new BatchJob(batch.path("id").asText(), batch.path("status").asText("unknown")
                .toLowerCase(Locale.ROOT), text(batch, "input_file_id"), text(batch, "output_file_id"),
                text(batch, "error_file_id"), counts.path("total").asInt(), counts.path("completed").asInt(),
                counts.path("failed").asInt(), problem.isEmpty() ? null : problem.toString());
    }

    /** Nothing more will happen to it: its files, if any, can be read. */
    public boolean ended() {
        return ENDED.contains(status);
    }

    /** One line for the operator: {@code batch_abc in_progress: 12/20 answered, 1 failed}. */
    public String progress() {
        return id + " " + status + ": " + completed + "/" + total + " answered" + (failed > 0 ? ", " + failed
                + " failed" : "");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
