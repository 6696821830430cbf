package dev.warta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warta.testing.OpenAiStub.RecordedRequest;
import dev.warta.testing.OpenAiStub.StubResponse;
import dev.warta.testing.SimulatedTranslator;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat-completions server on loopback that answers like a model with a fixed latency: every
 * request to {@code /v1/chat/completions} gets a well-formed answer of the JSON schema it asks for (the
 * {@link SimulatedTranslator}'s), sent {@code latency} after the request arrived. For the benchmark, and for anyone
 * who wants to watch a full Warta run without a model endpoint or an API key (any key is accepted).
 * <p>
 * Unlike the tests' {@code OpenAiStub} it binds a port of your choice and keeps only a count of the requests, so it
 * can serve a long run without growing.
 * <pre>
 * java -cp … dev.warta.bench.OpenAiSimulator --port 8089 --latency-ms 500
 * </pre>
 */
public final class OpenAiSimulator implements AutoCloseable {

    static {
        // The JDK server otherwise leaves Nagle's algorithm on and each response waits ~45 ms for a delayed ACK:
        // that would be measured as model latency. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final long latencyNanos;
    private final SimulatedTranslator translator = new SimulatedTranslator();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong answerCpuNanos = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** When each request arrived and when its answer was sent ({@link System#nanoTime()}), for {@link #activity()}. */
    private final java.util.concurrent.ConcurrentLinkedQueue<long[]> calls =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private OpenAiSimulator(HttpServer server, ExecutorService handlers, Duration latency) {
        this.server = server;
        this.handlers = handlers;
        this.latencyNanos = latency.toNanos();
    }

    /**
     * Starts serving on {@code 127.0.0.1:port}.
     *
     * @param port    0 for any free port (see {@link #port()})
     * @param latency time from a request's arrival to its answer; the simulated model's own work counts in it
     */
    public static OpenAiSimulator start(int port, Duration latency) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any) or 1-65535, was " + port);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            // one thread per request in flight, as a provider serves them in parallel; idle ones go after a minute
            ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "simulator-request");
                thread.setDaemon(true);
                return thread;
            });
            OpenAiSimulator simulator = new OpenAiSimulator(server, handlers, latency);
            server.createContext("/v1/chat/completions", simulator::handle);
            server.setExecutor(handlers);
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL to give Warta ({@code --warta.llm.base-url}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Chat-completion requests received so far, answered or not. */
    public long requests() {
        return requests.get();
    }

    /** Requests the simulated model could not answer (answered with HTTP 500). */
    public long failures() {
        return failures.get();
    }

    /**
     * Processor time spent composing answers so far. On a small machine the simulator competes with the job for
     * it, which a real remote model does not: a benchmark reports it so the figures can be read with that in mind.
     */
    public Duration answerCpuTime() {
        return Duration.ofNanos(answerCpuNanos.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        try (exchange) {
            requests.incrementAndGet();
            StubResponse response;
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        JSON.readTree(body));
                response = translator.apply(request);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                response = StubResponse.error(500, "simulator cannot answer this request: "
                        + e.getClass().getSimpleName());
            }
            answerCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuBefore);
            long remaining = latencyNanos - (System.nanoTime() - arrived);
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.sleep(remaining);
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            calls.add(new long[]{arrived, System.nanoTime()});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How busy the simulated endpoint was, over the calls answered so far. */
    public EndpointActivity activity() {
        return EndpointActivity.of(List.copyOf(calls));
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** {@code --port N} (0 = any free port; the port is printed) {@code --latency-ms MS} (default 500). */
    public static void main(String[] args) throws InterruptedException {
        OpenAiSimulator simulator;
        Options options;
        try {
            options = Options.parse(args, Map.of("port", "8089", "latency-ms", "500"));
            simulator = start(options.integer("port"), Duration.ofMillis(options.integer("latency-ms")));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            System.out.println("simulator: answered " + simulator.requests() + " request(s)");
        }));
        System.out.println("OpenAI-compatible simulator on " + simulator.baseUrl() + " (port " + simulator.port()
                + "), latency " + options.integer("latency-ms") + " ms. Ctrl-C stops it.");
        Thread.currentThread().join();
    }
}
