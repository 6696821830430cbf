package dev.warta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local OpenAI-compatible HTTP server for tests: it speaks the real chat-completions protocol on loopback,
 * records every request, and answers with whatever the test's responder returns (by default a
 * {@link SimulatedTranslator}). Tests point the real LangChain4j client at {@link #baseUrl()}.
 */
public final class OpenAiStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final HttpServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodyBytes = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong billedPromptTokens = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong billedCompletionTokens =
            new java.util.concurrent.atomic.AtomicLong();
    private volatile Function<RecordedRequest, StubResponse> responder = new SimulatedTranslator();
    private final BatchApiStub batchApi = new BatchApiStub(() -> responder);

    private OpenAiStub(HttpServer server) {
        this.server = server;
    }

    /** The Batch API on the same server ({@code /v1/files}, {@code /v1/batches}); its lines use the same responder. */
    public BatchApiStub batchApi() {
        return batchApi;
    }

    public static OpenAiStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OpenAiStub stub = new OpenAiStub(server);
            server.createContext("/v1/chat/completions", stub::handle);
            server.createContext("/v1/files", stub.batchApi::handleFiles);
            server.createContext("/v1/batches", stub.batchApi::handleBatches);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the OpenAI stub", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public OpenAiStub respondWith(Function<RecordedRequest, StubResponse> responder) {
        this.responder = responder;
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests whose body the stub had received before: calls paid twice. */
    public int repeatedRequests() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return (int) requests().stream().filter(request -> !seen.add(request.body().toString())).count();
    }

    /** The request bodies exactly as they arrived, in the order of {@link #requests()}. */
    public List<byte[]> bodyBytes() {
        return List.copyOf(bodyBytes);
    }

    public void reset() {
        requests.clear();
        bodyBytes.clear();
        billedPromptTokens.set(0);
        billedCompletionTokens.set(0);
        responder = new SimulatedTranslator();
        batchApi.reset();
    }

    /**
     * Prompt tokens the stub billed, as a provider does: for every answer it produced, including those cut off
     * on the way (the model did the work), none for error answers.
     */
    public long billedPromptTokens() {
        return billedPromptTokens.get();
    }

    public long billedCompletionTokens() {
        return billedCompletionTokens.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] received = exchange.getRequestBody().readAllBytes();
            String body = new String(received, StandardCharsets.UTF_8);
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(body));
            synchronized (requests) {
                requests.add(request);
                bodyBytes.add(received);
            }
            StubResponse response = responder.apply(request);
            if (response.delayMillis() > 0) {
                Thread.sleep(response.delayMillis());
            }
            billedPromptTokens.addAndGet(response.billedPromptTokens());
            billedCompletionTokens.addAndGet(response.billedCompletionTokens());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (response.dropAfterBytes() >= 0) {
                    // the connection dies mid-answer: fewer bytes than the Content-Length promised
                    out.write(bytes, 0, Math.min(response.dropAfterBytes(), bytes.length));
                    out.flush();
                    throw new DroppedConnection();
                }
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DroppedConnection dropped) {
            exchange.close();
        } catch (RuntimeException e) {
            byte[] bytes = ("{\"error\":{\"message\":\"stub failure: " + e + "\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** A chat-completion response whose message content is {@code content}. */
    public static StubResponse completion(String content, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-stub-" + IDS.incrementAndGet());
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", "stub-model");
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", finishReason);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return new StubResponse(200, Map.of(), root.toString(), 0, promptTokens, completionTokens, -1);
    }

    private static final class DroppedConnection extends IOException {
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request as the stub received it. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public String message(String role) {
            for (JsonNode message : body.path("messages")) {
                if (role.equals(message.path("role").asText())) {
                    return message.path("content").asText();
                }
            }
            return null;
        }

        /** Name of the JSON schema the client asked for: the record type LangChain4j maps the answer to. */
        public String schemaName() {
            return body.path("response_format").path("json_schema").path("name").asText(null);
        }

        /** The JSON document the prompt carries between {@code <<<MARKER} and {@code MARKER>>>}. */
        public JsonNode document() {
            String user = message("user");
            int start = user.indexOf('{', user.indexOf("<<<"));
            int end = user.lastIndexOf('}', user.lastIndexOf(">>>"));
            try {
                return JSON.readTree(user.substring(start, end + 1));
            } catch (IOException e) {
                throw new IllegalStateException("no JSON document in the user message: " + user, e);
            }
        }
    }

    /**
     * What the stub sends back.
     *
     * @param billedPromptTokens     what the stub's provider bills for this answer, even if the client never reads it
     * @param dropAfterBytes         -1 to send the whole body; else the connection drops after this many bytes
     */
    public record StubResponse(int status, Map<String, String> headers, String body, long delayMillis,
                               long billedPromptTokens, long billedCompletionTokens, int dropAfterBytes) {

        public static StubResponse ok(String body) {
            return new StubResponse(200, Map.of(), body, 0, 0, 0, -1);
        }

        public static StubResponse error(int status, String message) {
            return new StubResponse(status, Map.of(),
                    "{\"error\":{\"message\":\"" + message + "\",\"type\":\"stub\"}}", 0, 0, 0, -1);
        }

        public StubResponse withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new StubResponse(status, Map.copyOf(all), body, delayMillis, billedPromptTokens,
                    billedCompletionTokens, dropAfterBytes);
        }

        public StubResponse delayed(long millis) {
            return new StubResponse(status, headers, body, millis, billedPromptTokens, billedCompletionTokens,
                    dropAfterBytes);
        }

        /**
         * The same answer with its body cut to {@code bytes}, as a proxy that lost the upstream connection sends it:
         * a well-framed HTTP 200 whose JSON ends mid-way. Still billed in full.
         */
        public StubResponse truncatedTo(int bytes) {
            return new StubResponse(status, headers, body.substring(0, Math.min(bytes, body.length())), delayMillis,
                    billedPromptTokens, billedCompletionTokens, dropAfterBytes);
        }

        /** The same answer, but the connection drops after {@code bytes} of its body. Still billed in full. */
        public StubResponse droppedAfter(int bytes) {
            return new StubResponse(status, headers, body, delayMillis, billedPromptTokens, billedCompletionTokens,
                    bytes);
        }
    }
}
