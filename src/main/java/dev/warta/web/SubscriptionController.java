package dev.warta.web;

import dev.warta.store.ArticleRepository;
import dev.warta.store.Json;
import dev.warta.store.StoredArticle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What desks and their tools subscribe to: the Atom feed (all articles, one tag, one outlet) and the read-only JSON
 * API, whose articles are the very documents of the article files ({@code docs/article.schema.json}).
 */
@RestController
@ConditionalOnWebApplication
class SubscriptionController {

    static final int FEED_SIZE = 50;
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ArticleRepository articles;
    private final NewsroomQueries queries;
    private final WebProperties properties;

    SubscriptionController(ArticleRepository articles, NewsroomQueries queries, WebProperties properties) {
        this.articles = articles;
        this.queries = queries;
        this.properties = properties;
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> feed(@RequestParam(required = false) String tag,
                                @RequestParam(required = false) String source) {
        String wantedTag = tag == null || tag.isBlank() ? null : tag.strip();
        String wantedSource = source == null || source.isBlank() ? null : source.strip();
        String base = baseUrl();
        String self = base + "/feed.atom" + (wantedTag != null ? "?tag=" + encode(wantedTag)
                : wantedSource != null ? "?source=" + encode(wantedSource) : "");
        String title = "Warta: " + (wantedTag != null ? "articles tagged " + wantedTag
                : wantedSource != null ? "articles from " + wantedSource : "translated articles");
        List<StoredArticle> latest = queries.latestDelivered(wantedTag, wantedTag != null ? null : wantedSource,
                FEED_SIZE);
        return ResponseEntity.ok().contentType(ATOM).body(AtomFeed.render(title, self, base, latest));
    }

    @GetMapping("/api/articles")
    ResponseEntity<String> list(@ModelAttribute SearchForm form) {
        int size = properties.pageSize();
        List<StoredArticle> found = articles.search(form.query(size));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("page", form.pageNumber());
        page.put("size", size);
        page.put("articles", found.stream().limit(size).toList());
        page.put("next", found.size() > size ? "/api/articles" + form.atPage(form.pageNumber() + 1) : null);
        return json(HttpStatus.OK, Json.write(page));
    }

    @GetMapping("/api/articles/{id}")
    ResponseEntity<String> one(@PathVariable String id) {
        return articles.find(id).map(article -> json(HttpStatus.OK, Json.write(article)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no article with id " + id));
    }

    @ExceptionHandler(SearchForm.BadRequest.class)
    ResponseEntity<String> badRequest(SearchForm.BadRequest e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        return json(status, Json.write(Map.of("error", message)));
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private String baseUrl() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
