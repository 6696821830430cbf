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
    private volatile Function<RecordedRequest, StubResponse> responder = new SimulatedTranslator();

    private OpenAiStub(HttpServer server) {
        this.server = server;
    }

    public static OpenAiStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OpenAiStub stub = new OpenAiStub(server);
            server.createContext("/v1/chat/completions", stub::handle);
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

    public void reset() {
        requests.clear();
        responder = new SimulatedTranslator();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(body));
            requests.add(request);
            StubResponse response = responder.apply(request);
            if (response.delayMillis() > 0) {
                Thread.sleep(response.delayMillis());
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        return StubResponse.ok(root.toString());
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

    /** What the stub sends back. */
    public record StubResponse(int status, Map<String, String> headers, String body, long delayMillis) {

        public static StubResponse ok(String body) {
            return new StubResponse(200, Map.of(), body, 0);
        }

        public static StubResponse error(int status, String message) {
            return new StubResponse(status, Map.of(), "{\"error\":{\"message\":\"" + message + "\",\"type\":\"stub\"}}", 0);
        }

        public StubResponse withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new StubResponse(status, Map.copyOf(all), body, delayMillis);
        }

        public StubResponse delayed(long millis) {
            return new StubResponse(status, headers, body, millis);
        }
    }
}
