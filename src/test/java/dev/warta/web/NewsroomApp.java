package dev.warta.web;

import dev.warta.WartaApplication;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.WartaHarness;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The web app as a newsroom runs it ({@code serve}), started in this JVM on a free port against a harness's
 * database, with an editor ({@link #EDITOR}) and a reader ({@link #READER}) account; and a client with a cookie
 * jar of its own per {@link Session}.
 */
final class NewsroomApp implements AutoCloseable {

    static final String EDITOR = "editor";
    static final String READER = "reader";
    static final String PASSWORD = "correct horse battery staple";
    /** What a browser accepts: the app answers it with pages and the login form rather than a Basic challenge. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final ConfigurableApplicationContext context;
    private final URI base;

    private NewsroomApp(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    static NewsroomApp start(WartaHarness warta, String... extra) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<String> args = new ArrayList<>(warta.database().arguments());
        args.addAll(List.of("--server.port=0", "--warta.output=" + warta.output(),
                "--warta.web.users[0].name=" + EDITOR, "--warta.web.users[0].password=" + hash,
                "--warta.web.users[0].roles=EDITOR",
                "--warta.web.users[1].name=" + READER, "--warta.web.users[1].password=" + hash,
                "--warta.web.users[1].roles=READER"));
        args.addAll(List.of(extra));
        return new NewsroomApp(WartaApplication.serve(args.toArray(String[]::new)));
    }

    URI base() {
        return base;
    }

    URI url(String path) {
        return base.resolve(path);
    }

    Session session() {
        return new Session();
    }

    @Override
    public void close() {
        context.close();
    }

    /** A browser-like client: its own cookies, no redirects followed (tests look at them). */
    final class Session {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(url(path)).header("Accept", BROWSER_ACCEPT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        Document page(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Jsoup.parse(response.body(), url(path).toString());
        }

        HttpResponse<String> post(String path, Map<String, ?> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> values
                            ? values.stream() : java.util.stream.Stream.of(e.getValue()))
                            .map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v))))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(url(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", BROWSER_ACCEPT)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Signs in through the login form, with its CSRF token; returns where the app sent the browser. */
        String login(String name, String password) throws IOException, InterruptedException {
            Document form = page("/login");
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("username", name);
            fields.put("password", password);
            fields.put("_csrf", form.selectFirst("form.login-form input[name=_csrf]").attr("value"));
            HttpResponse<String> response = post("/login", fields);
            return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A model that gets a number wrong in every answer, so the checks flag its translation for review. */
    static java.util.function.Function<OpenAiStub.RecordedRequest, OpenAiStub.StubResponse> wrongNumber(
            String right, String wrong) {
        dev.warta.testing.SimulatedTranslator model = new dev.warta.testing.SimulatedTranslator();
        return request -> {
            OpenAiStub.StubResponse answer = model.apply(request);
            return new OpenAiStub.StubResponse(answer.status(), answer.headers(),
                    answer.body().replace(right + " ", wrong + " "), answer.delayMillis(), answer.billedPromptTokens(),
                    answer.billedCompletionTokens(), answer.dropAfterBytes());
        };
    }
}
