package dev.warta.web;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.digest.DigestEntry;
import dev.warta.digest.PublishedTime;
import dev.warta.digest.WebLink;
import dev.warta.store.StoredArticle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One article as its page shows it: the original and the English paragraph by paragraph (the engines keep them
 * one-to-one), numbers and names marked in both columns, and each review reason placed next to the paragraphs it
 * concerns (a changed number, a missing name, a glossary term, a paragraph that does not match); reasons about the
 * whole article (summary, tags, language) stay at the top.
 */
public record ArticleView(StoredArticle stored, String headline, ArticleMetadata metadata, PublishedTime published,
                          Optional<String> originalUrl, List<ParagraphPair> paragraphs, List<String> articleReasons,
                          List<String> allReasons) {

    private static final Pattern PARAGRAPH_REASON = Pattern.compile("^paragraph (\\d+) ");
    private static final Pattern NUMBER_REASON = Pattern.compile("^number (.+?) missing");
    private static final Pattern NAME_REASON = Pattern.compile("^name (.+) missing$");
    private static final Pattern GLOSSARY_REASON = Pattern.compile("^glossary term (.+?) not rendered");

    /** Paragraph {@code number} (from 1) in both languages, and the reasons that concern it. */
    public record ParagraphPair(int number, List<Segment> source, List<Segment> english, List<String> reasons) {
    }

    public static ArticleView of(StoredArticle stored) {
        Article article = stored.article();
        Translation translation = stored.translation();
        ArticleMetadata meta = article == null ? ArticleMetadata.EMPTY : article.metadata();
        List<String> sourceNames = new ArrayList<>();
        List<String> englishNames = new ArrayList<>();
        if (translation != null) {
            for (NamedEntity entity : translation.entities()) {
                sourceNames.add(entity.name());
                englishNames.add(entity.english());
            }
        }
        List<String> sources = article == null ? List.of() : article.paragraphs();
        List<String> english = translation == null ? List.of() : translation.paragraphs();
        List<String> reasons = reasons(stored);
        List<List<String>> byParagraph = new ArrayList<>();
        int count = Math.max(sources.size(), english.size());
        for (int i = 0; i < count; i++) {
            byParagraph.add(new ArrayList<>());
        }
        List<String> articleLevel = new ArrayList<>();
        for (String reason : reasons) {
            List<Integer> places = placesOf(reason, sources);
            places.forEach(i -> {
                if (i < byParagraph.size()) {
                    byParagraph.get(i).add(reason);
                }
            });
            if (places.isEmpty()) {
                articleLevel.add(reason);
            }
        }
        List<ParagraphPair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pairs.add(new ParagraphPair(i + 1,
                    Segment.numbersAndNames(i < sources.size() ? sources.get(i) : null, sourceNames),
                    Segment.numbersAndNames(i < english.size() ? english.get(i) : null, englishNames),
                    List.copyOf(byParagraph.get(i))));
        }
        String headline = translation != null && translation.title() != null && !translation.title().isBlank()
                ? translation.title() : Objects.requireNonNullElse(stored.title(), stored.id());
        return new ArticleView(stored, headline, meta, PublishedTime.parse(meta.publishedAt()),
                WebLink.httpUrl(meta.url()), pairs, articleLevel, reasons);
    }

    /** The checks' findings on the article: from the translation, else the stored reason (failed, pending). */
    static List<String> reasons(StoredArticle stored) {
        if (stored.translation() != null) {
            return stored.translation().reviewReasons();
        }
        return stored.reason() == null ? List.of() : List.of(stored.reason());
    }

    /** The source paragraphs (from 0) a reason is about; empty when it is about the whole article. */
    static List<Integer> placesOf(String reason, List<String> sources) {
        Matcher paragraph = PARAGRAPH_REASON.matcher(reason);
        if (paragraph.find()) {
            return List.of(Integer.parseInt(paragraph.group(1)) - 1);
        }
        String needle = null;
        boolean ignoreCase = false;
        for (Pattern pattern : List.of(NUMBER_REASON, NAME_REASON, GLOSSARY_REASON)) {
            Matcher matcher = pattern.matcher(reason);
            if (matcher.find()) {
                needle = matcher.group(1).strip();
                ignoreCase = pattern == GLOSSARY_REASON;
                break;
            }
        }
        if (needle == null || needle.isEmpty()) {
            return List.of();
        }
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String text = sources.get(i);
            boolean found = ignoreCase ? text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))
                    : text.contains(needle);
            if (found) {
                places.add(i);
            }
        }
        return places;
    }

    /** Says that the headline is Warta's stand-in when the page had no title of its own; null otherwise. */
    public String derivedTitleNote() {
        return metadata.titleDerived() ? DigestEntry.derivedTitleFlag(metadata) : null;
    }

    public Translation translation() {
        return stored.translation();
    }

    /** The key points as the review form edits them: one per line. */
    public String keyPointsText() {
        return translation() == null ? "" : String.join("\n", translation().keyPoints());
    }

    public boolean gist() {
        return translation() != null && ("gist".equals(translation().quality())
                || "offline".equals(translation().engine()));
    }
}
