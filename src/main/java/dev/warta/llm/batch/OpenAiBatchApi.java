package dev.warta.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.warta.llm.http.EndpointRejectedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OpenAI's Batch API, as the providers that copy it speak it: {@code /v1/files} to upload the requests and download
 * the answers, {@code /v1/batches} to create, follow and cancel a batch. Every call goes through the HTTP client it
 * is given, which is Warta's own ({@link dev.warta.llm.http.ResilientHttpClient}): retries with Retry-After, rate
 * limits, the circuit breaker; the API key is only ever a header.
 */
public final class OpenAiBatchApi {

    /** The only endpoint Warta batches; also the operation path of the synchronous calls. */
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;

    /**
     * @param baseUrl OpenAI-compatible base URL including {@code /v1}
     * @param apiKey  bearer token; blank for servers that need none
     */
    public OpenAiBatchApi(HttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey == null || apiKey.isBlank() ? "none" : apiKey;
    }

    /** Uploads a batch input file ({@code purpose=batch}) and returns its file id. */
    public String uploadBatchInput(String fileName, String jsonLines) {
        String boundary = "warta-" + UUID.randomUUID();
        // JSON Lines are text, so the multipart body is text too and travels as the client's string body
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n"
                + "batch\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n"
                + jsonLines + "\r\n"
                + "--" + boundary + "--\r\n";
        JsonNode file = call(request(HttpMethod.POST, "/files")
                .addHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(body).build());
        return required(file, "id", "POST /files");
    }

    /** Creates a batch of chat completions over an uploaded file, to be done within 24 hours. */
    public BatchJob create(String inputFileId, Map<String, String> metadata) {
        ObjectNode body = JSON.createObjectNode();
        body.put("input_file_id", inputFileId);
        body.put("endpoint", CHAT_COMPLETIONS);
        body.put("completion_window", "24h");
        ObjectNode meta = body.putObject("metadata");
        metadata.forEach(meta::put);
        return BatchJob.from(call(request(HttpMethod.POST, "/batches")
                .addHeader("Content-Type", "application/json").body(body.toString()).build()));
    }

    public BatchJob retrieve(String batchId) {
        return BatchJob.from(call(request(HttpMethod.GET, "/batches/" + batchId).build()));
    }

    /** Asks the provider to stop the batch; it goes through {@code cancelling} to {@code cancelled}. */
    public BatchJob cancel(String batchId) {
        return BatchJob.from(call(request(HttpMethod.POST, "/batches/" + batchId + "/cancel")
                .addHeader("Content-Type", "application/json").body("{}").build()));
    }

    /** One page of the account's batches, newest first; {@code after} is the last id of the previous page. */
    public Page list(Integer limit, String after) {
        HttpRequest.Builder request = request(HttpMethod.GET, "/batches");
        if (limit != null) {
            request.addQueryParam("limit", limit.toString());
        }
        if (after != null) {
            request.addQueryParam("after", after);
        }
        JsonNode page = call(request.build());
        List<BatchJob> batches = new ArrayList<>();
        page.path("data").forEach(batch -> batches.add(BatchJob.from(batch)));
        return new Page(batches, page.path("has_more").asBoolean(false) && !batches.isEmpty()
                ? batches.get(batches.size() - 1).id() : null);
    }

    /** A page of batches and the id to continue after, null on the last page. */
    public record Page(List<BatchJob> batches, String nextAfter) {
    }

    /** The content of a file (the batch's output or error file: JSON Lines). */
    public String content(String fileId) {
        return send(request(HttpMethod.GET, "/files/" + fileId + "/content").build()).body();
    }

    private HttpRequest.Builder request(HttpMethod method, String path) {
        return HttpRequest.builder().method(method).url(baseUrl + path)
                .addHeader("Authorization", "Bearer " + apiKey)
                .addHeader("User-Agent", "warta-batch");
    }

    private JsonNode call(HttpRequest request) {
        String body = send(request).body();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the Batch API's answer to " + request.method() + " " + path(request)
                    + " is not JSON", e);
        }
    }

    private SuccessfulHttpResponse send(HttpRequest request) {
        try {
            return http.execute(request);
        } catch (RuntimeException e) {
            EndpointRejectedException rejected = EndpointRejectedException.findIn(e);
            if (rejected != null && rejected.statusCode() == 404) {
                throw new BatchApiMissingException("the endpoint has no Batch API: " + request.method() + " "
                        + baseUrl + path(request) + " answered HTTP 404");
            }
            throw e;
        }
    }

    private String path(HttpRequest request) {
        String url = request.url();
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)).substring(baseUrl.length());
    }

    private static String required(JsonNode node, String field, String what) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the Batch API's answer to " + what + " has no " + field);
        }
        return value;
    }
}
