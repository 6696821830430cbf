package dev.warta.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.batch.BatchError;
import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchPage;
import dev.langchain4j.model.batch.BatchPagination;
import dev.langchain4j.model.batch.BatchRequest;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.batch.BatchState;
import dev.langchain4j.model.chat.BatchChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's {@link BatchChatModel} for OpenAI's Batch API, which {@code langchain4j-open-ai} 1.19 does not have.
 * A {@link ChatRequest} becomes exactly the body the synchronous {@code OpenAiChatModel} would send (the chat model
 * given renders it, over a {@link RequestCapture}); the batch goes through {@link OpenAiBatchApi}, that is through
 * Warta's own HTTP layer. Results come back in the order of the requests, whatever order the provider wrote them in.
 * <p>
 * Warta's nightly job uses the same parts at a lower level ({@code job/BatchPhase}): it needs the answers' raw bodies
 * to keep them under their requests' keys, and records every id in the database as soon as it has it.
 */
public final class OpenAiBatchChatModel implements BatchChatModel {

    private static final String CUSTOM_ID = "request-";

    private final OpenAiBatchApi api;
    private final ChatModel renderer;

    /**
     * @param renderer an {@code OpenAiChatModel} configured like the synchronous one but built on a
     *                 {@link RequestCapture}: it turns a request into its body without sending it
     */
    public OpenAiBatchChatModel(OpenAiBatchApi api, ChatModel renderer) {
        this.api = api;
        this.renderer = renderer;
    }

    /** The body the synchronous client would send for {@code request}. */
    public CapturedRequest render(ChatRequest request) {
        try {
            renderer.chat(request);
        } catch (RuntimeException e) {
            RequestCapture.Captured captured = RequestCapture.Captured.findIn(e);
            if (captured != null) {
                return captured.request();
            }
            throw e;
        }
        throw new IllegalStateException("the renderer sent a request instead of capturing it");
    }

    @Override
    public BatchResponse<ChatResponse> submit(BatchRequest<ChatRequest> batch) {
        StringBuilder lines = new StringBuilder();
        List<ChatRequest> requests = batch.requests();
        for (int i = 0; i < requests.size(); i++) {
            lines.append(BatchInput.line(CUSTOM_ID + i, render(requests.get(i)).body())).append('\n');
        }
        String fileId = api.uploadBatchInput("langchain4j-batch.jsonl", lines.toString());
        BatchJob job = api.create(fileId, Map.of());
        return BatchResponse.<ChatResponse>builder().batchId(job.id()).state(state(job.status()))
                .results(List.of()).build();
    }

    /** The batch's state; once it has ended, its results too, one per request in the order submitted. */
    @Override
    public BatchResponse<ChatResponse> retrieve(String batchId) {
        BatchJob job = api.retrieve(batchId);
        List<BatchItemResult<ChatResponse>> results = new ArrayList<>();
        if (job.ended() && (job.outputFileId() != null || job.errorFileId() != null)) {
            BatchResults read = BatchResults.read(
                    job.outputFileId() == null ? null : api.content(job.outputFileId()),
                    job.errorFileId() == null ? null : api.content(job.errorFileId()));
            for (int i = 0; i < job.total(); i++) {
                String customId = CUSTOM_ID + i;
                String answer = read.answers().get(customId);
                if (answer != null) {
                    results.add(BatchItemResult.success(chatResponse(answer)));
                } else {
                    String reason = read.failures().getOrDefault(customId, "no answer: the batch " + job.status()
                            + " before this request was done");
                    results.add(BatchItemResult.failure(new BatchError(0, reason, List.of())));
                }
            }
        }
        return BatchResponse.<ChatResponse>builder().batchId(job.id()).state(state(job.status()))
                .results(results).build();
    }

    @Override
    public void cancel(String batchId) {
        api.cancel(batchId);
    }

    @Override
    public BatchPage<ChatResponse> list(BatchPagination pagination) {
        OpenAiBatchApi.Page page = api.list(pagination == null ? null : pagination.pageSize(),
                pagination == null ? null : pagination.pageToken());
        List<BatchResponse<ChatResponse>> batches = page.batches().stream()
                .map(job -> BatchResponse.<ChatResponse>builder().batchId(job.id()).state(state(job.status()))
                        .results(List.of()).build())
                .toList();
        return new BatchPage<>(batches, page.nextAfter());
    }

    /** The provider's status in LangChain4j's terms. */
    public static BatchState state(String status) {
        return switch (status) {
            case "validating" -> BatchState.PENDING;
            case "in_progress", "finalizing", "cancelling" -> BatchState.RUNNING;
            case "completed" -> BatchState.SUCCEEDED;
            case "failed" -> BatchState.FAILED;
            case "expired" -> BatchState.EXPIRED;
            case "cancelled" -> BatchState.CANCELLED;
            default -> BatchState.UNSPECIFIED;
        };
    }

    /** A chat-completion body as LangChain4j's response: the first choice's text, why it ended, the usage. */
    static ChatResponse chatResponse(String body) {
        JsonNode completion = BatchInput.parse(body);
        JsonNode choice = completion.path("choices").path(0);
        JsonNode usage = completion.path("usage");
        String content = choice.path("message").path("content").asText(null);
        return ChatResponse.builder()
                .aiMessage(content == null ? AiMessage.from("") : AiMessage.from(content))
                .id(completion.path("id").asText(null))
                .modelName(completion.path("model").asText(null))
                .finishReason(finishReason(choice.path("finish_reason").asText("")))
                .tokenUsage(usage.isObject() ? new TokenUsage(usage.path("prompt_tokens").asInt(),
                        usage.path("completion_tokens").asInt()) : null)
                .build();
    }

    private static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            case "tool_calls", "function_call" -> FinishReason.TOOL_EXECUTION;
            default -> FinishReason.OTHER;
        };
    }
}
