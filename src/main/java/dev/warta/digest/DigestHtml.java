package dev.warta.digest;

import dev.warta.store.StoredArticle;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;


/**
 * Renders a {@link Digest} as one self-contained HTML page: inline CSS, no script, no external asset, so it opens
 * from disk and survives being mailed around. The page is a Thymeleaf template ({@code templates/digest/}), whose
 * article fragment the web app's day page uses too, so an article is rendered one way in both; every text of an
 * article goes through {@code th:text}, which escapes it. On top of that a Content-Security-Policy forbids every
 * script, so a missed escape still could not run anything.
 */
final class DigestHtml {

    /** No script, no remote fetch, no form submission, no {@code <base>} rewriting; inline styles only. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    static final double LOW_QUALITY_SCORE = 0.6;

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final String STYLESHEET = loadStylesheet();

    /** The digest's templates, shared with the web app (templates/digest/): resolved from the classpath, cached. */
    private static final SpringTemplateEngine TEMPLATES = templates();

    private DigestHtml() {
    }

    static String render(Digest digest) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("digest", digest);
        context.setVariable("digestView", DigestView.INSTANCE);
        context.setVariable("policy", CONTENT_SECURITY_POLICY);
        context.setVariable("stylesheet", STYLESHEET);
        context.setVariable("longDate", LONG_DATE.format(digest.date()));
        return TEMPLATES.process("digest/digest", context);
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DigestHtml.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setEnableSpringELCompiler(true);
        return engine;
    }

    /** HTML id of an article's full English text. */
    static String fullTextAnchor(DigestEntry entry) {
        return entry.anchor() + "-full";
    }

    static String statusLabel(StoredArticle input) {
        return input.status() == null ? "unknown" : input.status().code().replace('_', ' ');
    }

    static String reason(StoredArticle input) {
        if (input.reason() != null && !input.reason().isBlank()) {
            return input.reason().strip();
        }
        if (input.status() != null && input.status().delivered()) {
            return "delivered, but no translation is stored";
        }
        return "no reason recorded";
    }

    static String formatScore(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    private static String loadStylesheet() {
        try (InputStream in = DigestHtml.class.getResourceAsStream("/digest/digest.css")) {
            if (in == null) {
                throw new IllegalStateException("digest stylesheet /digest/digest.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digest stylesheet", e);
        }
    }
}
