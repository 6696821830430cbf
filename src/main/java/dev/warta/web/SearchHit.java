package dev.warta.web;

import dev.warta.store.ArticleRepository;
import dev.warta.store.StoredArticle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One search result: the article and the passage where the words occur (English first, then the summary, then the
 * original), with the words marked.
 */
public record SearchHit(StoredArticle stored, String headline, LocalDate day, String source, List<Segment> passage) {

    /** Characters of context shown on each side of the first match. */
    static final int CONTEXT = 110;

    static SearchHit of(StoredArticle stored, List<String> words) {
        String headline = stored.translation() != null && stored.translation().title() != null
                ? stored.translation().title() : stored.title() == null ? stored.id() : stored.title();
        String source = stored.article() == null ? null : stored.article().metadata().source();
        return new SearchHit(stored, headline, ArticleRepository.articleDay(stored), source, passage(stored, words));
    }

    private static List<Segment> passage(StoredArticle stored, List<String> words) {
        List<String> texts = new ArrayList<>();
        if (stored.translation() != null) {
            texts.addAll(stored.translation().paragraphs());
            texts.add(stored.translation().summary());
            texts.addAll(stored.translation().keyPoints());
        }
        if (stored.article() != null) {
            texts.addAll(stored.article().paragraphs());
        }
        String fallback = stored.translation() != null ? stored.translation().summary() : null;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            int first = words.stream().mapToInt(w -> lower.indexOf(w)).filter(i -> i >= 0).min().orElse(-1);
            if (first >= 0) {
                int start = Math.max(0, first - CONTEXT);
                int end = Math.min(text.length(), first + CONTEXT);
                String window = (start > 0 ? "…" : "") + text.substring(start, end) + (end < text.length() ? "…" : "");
                return Segment.matches(window, words);
            }
        }
        if (fallback == null) {
            return List.of();
        }
        return Segment.plain(fallback.length() > 2 * CONTEXT ? fallback.substring(0, 2 * CONTEXT) + "…" : fallback);
    }
}
