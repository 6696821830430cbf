package dev.warta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Batch API side of the {@link OpenAiStub}, on the same server: {@code /v1/files} (multipart upload, metadata,
 * content download) and {@code /v1/batches} (create, retrieve, cancel, list), as OpenAI speaks them. A batch moves
 * one status further each time it is retrieved: {@code validating → in_progress → finalizing → completed}, unless
 * the test {@link #plan plans} another end (failed, expired, cancelled) or {@link #holdInProgress holds} it. Each
 * line of a batch is answered by the stub's chat responder, as a synchronous request would be; the output file lists
 * the answers in a shuffled order, the error file the lines that failed.
 */
public final class BatchApiStub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Function<OpenAiStub.RecordedRequest, OpenAiStub.StubResponse>> responder;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, StubBatch> batches = new LinkedHashMap<>();
    private final List<StoredFile> uploads = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Deque<Plan> plans = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean absent;
    private volatile boolean holdInProgress;
    private volatile String refusal;

    BatchApiStub(Supplier<Function<OpenAiStub.RecordedRequest, OpenAiStub.StubResponse>> responder) {
        this.responder = responder;
    }

    /**
     * How the next batch created ends.
     *
     * @param status   {@code completed}, {@code expired}, {@code cancelled} or {@code failed}
     * @param answered lines answered before that end (the first ones of the file); -1 for all
     */
    public record Plan(String status, int answered) {
    }

    /** A file as uploaded (or written by the stub). */
    public record StoredFile(String id, String purpose, String filename, String content) {

        /** The file's JSON lines. */
        public List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : content.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new IllegalStateException("not a JSON line: " + line, e);
                    }
                }
            }
            return lines;
        }
    }

    /** The endpoint has no Batch API: {@code /v1/files} and {@code /v1/batches} answer 404, as local servers do. */
    public synchronized BatchApiStub absent() {
        absent = true;
        return this;
    }

    public synchronized BatchApiStub plan(Plan plan) {
        plans.add(plan);
        return this;
    }

    /** Batches are refused at creation with HTTP 400 and this message (a quota of enqueued tokens, say). */
    public BatchApiStub refuseBatches(String message) {
        refusal = message;
        return this;
    }

    /** While held, batches stay {@code in_progress}, however often they are retrieved. */
    public BatchApiStub holdInProgress(boolean hold) {
        holdInProgress = hold;
        return this;
    }

    /** Batch input files uploaded, in order. */
    public List<StoredFile> uploads() {
        return List.copyOf(uploads);
    }

    /** Batches created, in order of creation: their ids. */
    public synchronized List<String> batchIds() {
        return List.copyOf(batches.keySet());
    }

    public synchronized String status(String batchId) {
        return batches.get(batchId).status;
    }

    /** Every call to the Batch API, as {@code METHOD /path}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized void reset() {
        files.clear();
        batches.clear();
        uploads.clear();
        calls.clear();
        plans.clear();
        absent = false;
        holdInProgress = false;
        refusal = null;
    }

    void handleFiles(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (absent) {
                send(exchange, 404, error("Not found: " + path, "invalid_request_error"));
                return;
            }
            synchronized (this) {
                if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/files")) {
                    upload(exchange, body);
                    return;
                }
                String[] parts = path.split("/");   // "", v1, files, id[, content]
                StoredFile file = parts.length >= 4 ? files.get(parts[3]) : null;
                if (file == null || !"GET".equals(exchange.getRequestMethod())) {
                    send(exchange, 404, error("No such File object: " + path, "invalid_request_error"));
                } else if (parts.length == 5 && parts[4].equals("content")) {
                    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                } else {
                    send(exchange, 200, fileObject(file).toString());
                }
            }
        }
    }

    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        int at = contentType == null ? -1 : contentType.indexOf("boundary=");
        if (at < 0) {
            send(exchange, 400, error("expected multipart/form-data with a boundary", "invalid_request_error"));
            return;
        }
        String boundary = "--" + contentType.substring(at + "boundary=".length()).replace("\"", "").strip();
        String text = new String(body, StandardCharsets.UTF_8);
        String purpose = null;
        String filename = null;
        String content = null;
        for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String value = part.substring(headersEnd + 4);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value;
            if (headers.contains("name=\"purpose\"")) {
                purpose = value;
            } else if (headers.contains("name=\"file\"")) {
                java.util.regex.Matcher name = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"")
                        .matcher(headers);
                filename = name.find() ? name.group(1) : "upload";
                content = value;
            }
        }
        if (content == null || purpose == null) {
            send(exchange, 400, error("'file' and 'purpose' are required", "invalid_request_error"));
            return;
        }
        StoredFile file = new StoredFile("file-" + ids.incrementAndGet(), purpose, filename, content);
        files.put(file.id(), file);
        uploads.add(file);
        send(exchange, 200, fileObject(file).toString());
    }

    void handleBatches(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (absent) {
                send(exchange, 404, error("Not found: " + path, "invalid_request_error"));
                return;
            }
            synchronized (this) {
                String[] parts = path.split("/");   // "", v1, batches[, id[, cancel]]
                String method = exchange.getRequestMethod();
                if (parts.length == 3 && method.equals("POST")) {
                    create(exchange, JSON.readTree(body));
                } else if (parts.length == 3 && method.equals("GET")) {
                    ObjectNode list = JSON.createObjectNode();
                    list.put("object", "list");
                    ArrayNode data = list.putArray("data");
                    List<StubBatch> newestFirst = new ArrayList<>(batches.values());
                    Collections.reverse(newestFirst);
                    newestFirst.forEach(batch -> data.add(batch.toJson()));
                    list.put("has_more", false);
                    send(exchange, 200, list.toString());
                } else if (parts.length >= 4 && batches.containsKey(parts[3])) {
                    StubBatch batch = batches.get(parts[3]);
                    if (parts.length == 5 && parts[4].equals("cancel") && method.equals("POST")) {
                        batch.cancel();
                    } else if (parts.length == 4 && method.equals("GET")) {
                        batch.advance();
                    } else {
                        send(exchange, 404, error("Not found: " + path, "invalid_request_error"));
                        return;
                    }
                    send(exchange, 200, batch.toJson().toString());
                } else {
                    send(exchange, 404, error("No batch found: " + path, "invalid_request_error"));
                }
            }
        }
    }

    private void create(HttpExchange exchange, JsonNode request) throws IOException {
        if (refusal != null) {
            send(exchange, 400, error(refusal, "invalid_request_error"));
            return;
        }
        StoredFile input = files.get(request.path("input_file_id").asText());
        if (input == null || !"batch".equals(input.purpose())) {
            send(exchange, 400, error("input_file_id must name a file uploaded with purpose batch",
                    "invalid_request_error"));
            return;
        }
        if (!"/v1/chat/completions".equals(request.path("endpoint").asText())
                || !"24h".equals(request.path("completion_window").asText())) {
            send(exchange, 400, error("endpoint must be /v1/chat/completions and completion_window 24h",
                    "invalid_request_error"));
            return;
        }
        StubBatch batch = new StubBatch("batch_" + ids.incrementAndGet(), input,
                plans.isEmpty() ? new Plan("completed", -1) : plans.poll());
        batches.put(batch.id, batch);
        send(exchange, 200, batch.toJson().toString());
    }

    /** One batch and its state machine. */
    private final class StubBatch {
        private final String id;
        private final StoredFile input;
        private final Plan plan;
        private final List<JsonNode> lines;
        private final long createdAt = System.currentTimeMillis() / 1000;
        private String status = "validating";
        private String problem;
        private StoredFile output;
        private StoredFile errors;
        private int completed;
        private int failed;

        StubBatch(String id, StoredFile input, Plan plan) {
            this.id = id;
            this.input = input;
            this.plan = plan;
            this.lines = input.lines();
        }

        void advance() {
            switch (status) {
                case "validating" -> {
                    problem = invalidLine();
                    status = problem != null ? "failed" : "failed".equals(plan.status()) ? "failed" : "in_progress";
                    if ("failed".equals(status) && problem == null) {
                        problem = "the stub's plan: this batch fails";
                    }
                }
                case "in_progress" -> {
                    if (holdInProgress) {
                        completed = lines.size() / 2;
                        return;
                    }
                    status = "completed".equals(plan.status()) ? "finalizing" : plan.status();
                    if (!"finalizing".equals(status)) {
                        finish(plan.answered());
                    }
                }
                case "finalizing" -> finish(plan.answered());
                case "cancelling" -> {
                    status = "cancelled";
                    finish(plan.answered() < 0 ? 0 : plan.answered());
                }
                default -> {
                }
            }
        }

        void cancel() {
            if (!List.of("completed", "failed", "expired", "cancelled").contains(status)) {
                status = "cancelling";
            }
        }

        /** Answers the first {@code answered} lines (all for -1) with the chat responder, in a shuffled order. */
        private void finish(int answered) {
            if ("finalizing".equals(status)) {
                status = "completed";
            }
            int count = answered < 0 ? lines.size() : Math.min(answered, lines.size());
            completed = 0;
            failed = 0;
            List<String> outputLines = new ArrayList<>();
            List<String> errorLines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                JsonNode line = lines.get(i);
                // no headers: the line never crossed HTTP on its own (a responder can tell it from a synchronous call)
                OpenAiStub.RecordedRequest request = new OpenAiStub.RecordedRequest("POST", "/v1/chat/completions",
                        Map.of(), line.path("body"));
                OpenAiStub.StubResponse response = responder.get().apply(request);
                ObjectNode out = JSON.createObjectNode();
                out.put("id", "batch_req_" + ids.incrementAndGet());
                out.put("custom_id", line.path("custom_id").asText());
                ObjectNode result = JSON.createObjectNode();
                result.put("status_code", response.status());
                result.put("request_id", "req_" + ids.get());
                try {
                    result.set("body", JSON.readTree(response.body()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                out.set("response", result);
                if (response.status() == 200) {
                    out.putNull("error");
                    outputLines.add(out.toString());
                    completed++;
                } else {
                    ObjectNode error = out.putObject("error");
                    error.put("code", "server_error");
                    error.put("message", "HTTP " + response.status());
                    errorLines.add(out.toString());
                    failed++;
                }
            }
            Collections.shuffle(outputLines, new Random(42));
            if (!outputLines.isEmpty()) {
                output = stored("batch_output.jsonl", outputLines);
            }
            if (!errorLines.isEmpty()) {
                errors = stored("batch_errors.jsonl", errorLines);
            }
        }

        private StoredFile stored(String name, List<String> lines) {
            StoredFile file = new StoredFile("file-" + ids.incrementAndGet(), "batch_output", name,
                    String.join("\n", lines) + "\n");
            files.put(file.id(), file);
            return file;
        }

        /** What OpenAI's validation would refuse in the input file, or null. */
        private String invalidLine() {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = lines.get(i);
                String customId = line.path("custom_id").asText("");
                if (customId.isEmpty() || !seen.add(customId)) {
                    return "line " + (i + 1) + ": custom_id missing or not unique";
                }
                if (!"POST".equals(line.path("method").asText()) || !"/v1/chat/completions".equals(
                        line.path("url").asText()) || !line.path("body").isObject()) {
                    return "line " + (i + 1) + ": method, url or body is not what the batch's endpoint takes";
                }
            }
            return null;
        }

        ObjectNode toJson() {
            ObjectNode batch = JSON.createObjectNode();
            batch.put("id", id);
            batch.put("object", "batch");
            batch.put("endpoint", "/v1/chat/completions");
            batch.put("input_file_id", input.id());
            batch.put("completion_window", "24h");
            batch.put("status", status);
            if (output == null) {
                batch.putNull("output_file_id");
            } else {
                batch.put("output_file_id", output.id());
            }
            if (errors == null) {
                batch.putNull("error_file_id");
            } else {
                batch.put("error_file_id", errors.id());
            }
            batch.put("created_at", createdAt);
            if (problem != null) {
                ObjectNode errorList = batch.putObject("errors");
                errorList.put("object", "list");
                errorList.putArray("data").addObject().put("code", "invalid_request").put("message", problem);
            } else {
                batch.putNull("errors");
            }
            ObjectNode counts = batch.putObject("request_counts");
            counts.put("total", lines.size());
            counts.put("completed", completed);
            counts.put("failed", failed);
            return batch;
        }
    }

    private static ObjectNode fileObject(StoredFile file) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", file.id());
        node.put("object", "file");
        node.put("bytes", file.content().getBytes(StandardCharsets.UTF_8).length);
        node.put("created_at", System.currentTimeMillis() / 1000);
        node.put("filename", file.filename());
        node.put("purpose", file.purpose());
        return node;
    }

    private static String error(String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.putNull("code");
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
