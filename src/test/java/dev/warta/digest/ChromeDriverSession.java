package dev.warta.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A headless Chromium driven by Debian's chromedriver over the W3C WebDriver protocol, spoken with the JDK
 * {@link HttpClient} and Jackson (both already on the classpath), so tests can read live JavaScript state such as
 * {@code window.pwned} without a Selenium dependency. One browser per instance; {@link #close()} ends both processes.
 */
public final class ChromeDriverSession implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final Path userDataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private String sessionId;

    private ChromeDriverSession(Process driver, Path userDataDir, int port) {
        this.driver = driver;
        this.userDataDir = userDataDir;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    public static boolean installed() {
        return HeadlessChromium.installed() && Files.isExecutable(HeadlessChromium.CHROMEDRIVER);
    }

    public static ChromeDriverSession start(int width, int height) throws IOException, InterruptedException {
        int port = freePort();
        Path userDataDir = Files.createTempDirectory("warta-chromedriver-");
        Process driver = new ProcessBuilder(HeadlessChromium.CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ChromeDriverSession session = new ChromeDriverSession(driver, userDataDir, port);
        try {
            session.awaitReady();
            session.createSession(width, height);
            return session;
        } catch (IOException | InterruptedException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Loads a URL and waits for the load event (WebDriver's default page-load strategy). */
    public void open(URI url) throws IOException, InterruptedException {
        command("POST", "/url", Map.of("url", url.toString()));
    }

    /** Runs a script in the page ({@code return …;}) and gives back its result as JSON. */
    public JsonNode execute(String script) throws IOException, InterruptedException {
        return command("POST", "/execute/sync", Map.of("script", script, "args", List.of()));
    }

    /** Text of an open alert, confirm or prompt dialog; {@code null} when none is open. */
    public String openDialogText() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/session/" + sessionId + "/alert/text", null);
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() == 404 && "no such alert".equals(value.path("error").asText())) {
            return null;
        }
        return value.asText();
    }

    /**
     * Makes the page see a phone's viewport. Headless windows cannot be narrower than 500 px, so this uses
     * Chromium's device emulation (through chromedriver's DevTools pass-through) instead of resizing.
     */
    public void emulatePhone(int width, int height) throws IOException, InterruptedException {
        command("POST", "/goog/cdp/execute", Map.of("cmd", "Emulation.setDeviceMetricsOverride", "params",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true)));
    }

    /** Back to the browser window's own size after {@link #emulatePhone}. */
    public void emulatePhoneOff() throws IOException, InterruptedException {
        command("POST", "/goog/cdp/execute", Map.of("cmd", "Emulation.clearDeviceMetricsOverride", "params", Map.of()));
    }

    /** PNG of the current viewport. */
    public byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(command("GET", "/screenshot", null).asText());
    }

    /** The page printed to PDF with the browser's print layout (print CSS applies). */
    public byte[] printToPdf() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(command("POST", "/print", Map.of("background", false)).asText());
    }

    /** The W3C id of the first element matching a CSS selector; fails when there is none. */
    public String element(String css) throws IOException, InterruptedException {
        JsonNode found = command("POST", "/element", Map.of("using", "css selector", "value", css));
        return found.path("element-6066-11e4-a52e-4f735466cecf").asText();
    }

    /** Clicks the first element matching the selector, as a user does (and waits for a page it loads). */
    public void click(String css) throws IOException, InterruptedException {
        command("POST", "/element/" + element(css) + "/click", Map.of());
    }

    /** Replaces the value of a field with what a user types. */
    public void type(String css, String text) throws IOException, InterruptedException {
        String id = element(css);
        command("POST", "/element/" + id + "/clear", Map.of());
        command("POST", "/element/" + id + "/value", Map.of("text", text));
    }

    /** The address of the page the browser shows now. */
    public String currentUrl() throws IOException, InterruptedException {
        return command("GET", "/url", null).asText();
    }

    @Override
    public void close() {
        try {
            if (sessionId != null) {
                send("DELETE", "/session/" + sessionId, null);
            }
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // The driver is killed below either way.
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                driver.destroyForcibly();
            }
            HeadlessChromium.deleteRecursively(userDataDir);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue() + " at start");
            }
            try {
                HttpResponse<String> status = send("GET", "/status", null);
                if (JSON.readTree(status.body()).path("value").path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not become ready within " + STARTUP);
    }

    private void createSession(int width, int height) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(HeadlessChromium.flags(userDataDir));
        args.add("--window-size=" + width + "," + height);
        Map<String, Object> capabilities = Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                // Leave dialogs open so the test can see an alert, instead of the driver dismissing it silently.
                "unhandledPromptBehavior", "ignore",
                "goog:chromeOptions", Map.of("binary", HeadlessChromium.CHROMIUM.toString(), "args", args)));
        HttpResponse<String> response = send("POST", "/session", Map.of("capabilities", capabilities));
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200 || !value.hasNonNull("sessionId")) {
            throw new IllegalStateException("chromedriver could not start chromium: " + response.body());
        }
        sessionId = value.get("sessionId").asText();
    }

    private JsonNode command(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, "/session/" + sessionId + path, body);
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed (" + response.statusCode()
                    + "): " + value.path("error").asText() + ": " + value.path("message").asText());
        }
        return value;
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(COMMAND)
                .header("Content-Type", "application/json; charset=utf-8")
                .method(method, publisher).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
