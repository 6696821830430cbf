package dev.warta.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchPagination;
import dev.langchain4j.model.batch.BatchRequest;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.batch.BatchState;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.warta.llm.batch.BatchApiMissingException;
import dev.warta.llm.batch.OpenAiBatchChatModel;
import dev.warta.llm.http.CallMetrics;
import dev.warta.llm.http.CallPolicy;
import dev.warta.llm.http.ResilientHttpClientBuilder;
import dev.warta.testing.BatchApiStub;
import dev.warta.testing.OpenAiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LangChain4j's {@code BatchChatModel} for the OpenAI Batch API, over real HTTP against the stub: what is uploaded,
 * the states a batch goes through, results in the order submitted whatever order the output file has, failures
 * inside a completed batch, cancel, list, and an endpoint without the API.
 */
class BatchChatModelProtocolTest {

    private OpenAiStub stub;
    private LlmProperties properties;

    @BeforeEach
    void setUp() {
        stub = OpenAiStub.start();
        stub.respondWith(request -> {
            String question = request.message("user");
            if (question.contains("fail")) {
                return OpenAiStub.StubResponse.error(500, "the model server failed");
            }
            return OpenAiStub.completion("answer to " + question, "stop", 11, 7);
        });
        properties = new LlmProperties(stub.baseUrl(), "test-key", "gpt-4o-mini", 0.2, Duration.ofSeconds(10), 0,
                Duration.ofMillis(10), 2000, 1, 0, 0, 5, Map.of(), false, "batch", null, "sync", "stop",
                Duration.ofMillis(20));
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void aBatchIsSubmittedFollowedAndAnsweredInTheOrderOfItsRequests() {
        OpenAiBatchChatModel model = LlmConfiguration.batchChatModel(properties);
        List<ChatRequest> requests = List.of(ask("one"), ask("please fail"), ask("three"), ask("four"));

        BatchResponse<ChatResponse> submitted = model.submit(new BatchRequest<>(requests));

        // then: one JSON Lines file with purpose batch, one line per request, bodies as the synchronous model sends
        assertThat(submitted.state()).isEqualTo(BatchState.PENDING);
        BatchApiStub.StoredFile upload = stub.batchApi().uploads().get(0);
        assertThat(upload.purpose()).isEqualTo("batch");
        assertThat(upload.lines()).hasSize(4);
        assertThat(upload.lines().get(0).path("url").asText()).isEqualTo("/v1/chat/completions");
        ChatModel sync = LlmConfiguration.chatModel(properties, new UsageMeter(),
                new ResilientHttpClientBuilder(new CallPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(1),
                        Duration.ofSeconds(10), 0, 0, 5), new CallMetrics()));
        sync.chat(ask("one"));
        JsonNode sentSynchronously = stub.requests().get(0).body();
        assertThat(upload.lines().get(0).path("body")).isEqualTo(sentSynchronously);

        // when: it is followed until it ends
        BatchResponse<ChatResponse> retrieved = model.retrieve(submitted.batchId());
        List<BatchState> seen = new java.util.ArrayList<>(List.of(retrieved.state()));
        while (!retrieved.state().isTerminal()) {
            retrieved = model.retrieve(submitted.batchId());
            seen.add(retrieved.state());
        }

        // then: running, then succeeded; results in request order, the failed one a failure with its reason
        assertThat(seen).containsExactly(BatchState.RUNNING, BatchState.RUNNING, BatchState.SUCCEEDED);
        List<BatchItemResult<ChatResponse>> results = retrieved.results();
        assertThat(results).hasSize(4);
        assertThat(results.get(0).response().aiMessage().text()).isEqualTo("answer to one");
        assertThat(results.get(0).response().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(results.get(0).response().tokenUsage().inputTokenCount()).isEqualTo(11);
        assertThat(results.get(1).isSuccess()).isFalse();
        assertThat(results.get(1).error().message()).contains("500");
        assertThat(results.get(2).response().aiMessage().text()).isEqualTo("answer to three");
        assertThat(results.get(3).response().aiMessage().text()).isEqualTo("answer to four");
    }

    @Test
    void aCancelledBatchEndsCancelledAndIsListed() {
        OpenAiBatchChatModel model = LlmConfiguration.batchChatModel(properties);
        stub.batchApi().holdInProgress(true);
        String id = model.submit(new BatchRequest<>(List.of(ask("one"), ask("two")))).batchId();
        assertThat(model.retrieve(id).state()).isEqualTo(BatchState.RUNNING);

        model.cancel(id);

        assertThat(model.retrieve(id).state()).isEqualTo(BatchState.CANCELLED);
        assertThat(model.list(new BatchPagination(10, null)).batches())
                .extracting(BatchResponse::batchId).containsExactly(id);
    }

    @Test
    void anEndpointWithoutTheBatchApiSaysSo() {
        stub.batchApi().absent();
        OpenAiBatchChatModel model = LlmConfiguration.batchChatModel(properties);

        assertThatThrownBy(() -> model.submit(new BatchRequest<>(List.of(ask("one")))))
                .isInstanceOf(BatchApiMissingException.class)
                .hasMessageContaining("no Batch API").hasMessageContaining("/v1/files").hasMessageContaining("404");
    }

    private static ChatRequest ask(String question) {
        return ChatRequest.builder().messages(UserMessage.from(question)).build();
    }
}
