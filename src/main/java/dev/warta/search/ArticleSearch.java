package dev.warta.search;

import dev.warta.article.ArticleStatus;
import dev.warta.store.ArticleRepository;
import dev.warta.store.StoredArticle;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds past articles for analysts: every word of the query must occur in the article (English or Indonesian
 * text, summary, entities, tags), optionally narrowed by date, outlet, tag and status.
 */
public class ArticleSearch {

    private final ArticleRepository articles;

    public ArticleSearch(ArticleRepository articles) {
        this.articles = articles;
    }

    /**
     * @param text   words to look for; blank matches everything
     * @param since  published (or, when unknown, processed) on or after this date; {@code null} for any
     * @param source outlet name, case-insensitive substring; {@code null} for any
     * @param tag    topic tag, case-insensitive exact; {@code null} for any
     * @param status status code ({@code translated}, {@code needs_review}, …); {@code null} for any
     * @param limit  at most this many results
     */
    public List<StoredArticle> find(String text, LocalDate since, String source, String tag, ArticleStatus status,
                                    int limit) {
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isBlank()).toList();
        return articles.search(new ArticleRepository.SearchQuery(words, since, source, tag, status, limit));
    }

    static LocalDate day(StoredArticle article) {
        return ArticleRepository.articleDay(article);
    }

    static String outlet(StoredArticle article) {
        return article.article() == null ? null : article.article().metadata().source();
    }
}
