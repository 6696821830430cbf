package dev.warta.web;

import dev.warta.article.ArticleStatus;
import dev.warta.store.ArticleRepository;

import org.springframework.format.annotation.DateTimeFormat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the search page and the API are asked: words and filters, as request parameters. Bound by Spring MVC;
 * blank fields mean "any".
 */
public record SearchForm(String q, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until, String source, String tag, String entity,
                         String status, String engine, Integer page) {

    public List<String> words() {
        return q == null ? List.of() : Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isBlank()).toList();
    }

    public int pageNumber() {
        return page == null || page < 1 ? 1 : page;
    }

    /** The repository's query for one page, asking one more row than shown to know whether a next page exists. */
    ArticleRepository.SearchQuery query(int pageSize) {
        return new ArticleRepository.SearchQuery(words(), since, blankToNull(source), blankToNull(tag), statusOrNull(),
                pageSize + 1, until, blankToNull(entity), blankToNull(engine), (pageNumber() - 1) * pageSize);
    }

    ArticleStatus statusOrNull() {
        String code = blankToNull(status);
        if (code == null) {
            return null;
        }
        try {
            return ArticleStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("unknown status '" + code + "'");
        }
    }

    /** The query string of this search at another page, for the paging links. */
    public String atPage(int number) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("since", since);
        parameters.put("until", until);
        parameters.put("source", source);
        parameters.put("tag", tag);
        parameters.put("entity", entity);
        parameters.put("status", status);
        parameters.put("engine", engine);
        parameters.put("page", number);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A request the app cannot answer as asked: 400 with the message. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
    static class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
