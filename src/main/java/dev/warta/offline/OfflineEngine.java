package dev.warta.offline;

import dev.warta.article.Article;
import dev.warta.article.Glossary;
import dev.warta.article.Translation;
import dev.warta.article.TranslationEngine;
import dev.warta.article.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The engine that needs no model and no network: a lexicon-and-rules gist translation from Indonesian to English,
 * an extractive summary and key points (the most central source sentences, translated), entities and topic tags.
 * Every result says what it is: engine {@code offline}, quality {@code gist}, and a quality score that is the share
 * of words the lexicon covered, scaled into 0–0.5 so it never reads like a full translation's score.
 * Immutable after construction and safe to call from several threads.
 */
public final class OfflineEngine implements TranslationEngine {

    public static final String NAME = "offline";
    public static final String MODEL = "warta-offline-1";
    public static final String QUALITY = "gist";
    /** The best score a gist can get: a full model translation that passes its checks scores above this. */
    public static final double MAX_QUALITY_SCORE = 0.5;
    static final int MAX_KEY_POINTS = 5;
    static final int MIN_KEY_POINTS = 3;

    private final Glossary glossary;
    private final Lexicon lexicon;
    private final GistTranslator translator;
    private final EntityFinder entityFinder;

    /** An engine on the bundled lexicon. */
    public OfflineEngine(Glossary glossary) {
        this(glossary, Lexicon.bundled());
    }

    OfflineEngine(Glossary glossary, Lexicon lexicon) {
        this.glossary = Objects.requireNonNull(glossary, "glossary");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.translator = new GistTranslator(lexicon, glossary);
        this.entityFinder = new EntityFinder(lexicon, glossary);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Engine version and glossary: a new lexicon release or glossary edit makes new gists. */
    @Override
    public String fingerprint() {
        return NAME + "|" + MODEL + "|glossary " + Integer.toHexString(glossary.entries().hashCode());
    }

    /** The gist of one Indonesian text (a line, a sentence, a paragraph). */
    public String translateText(String indonesian) {
        return translator.translate(indonesian).english();
    }

    @Override
    public Translation translate(Article article) {
        Objects.requireNonNull(article, "article");
        boolean english = "en".equals(article.language());
        int[] coverage = new int[2];
        String title = render(article.title(), english, coverage);
        List<String> paragraphs = new ArrayList<>(article.paragraphs().size());
        for (String paragraph : article.paragraphs()) {
            paragraphs.add(render(paragraph, english, coverage));
        }

        List<Summarizer.Ranked> ranked = Summarizer.rank(article.paragraphs());
        List<String> summarySentences = Summarizer.best(ranked, Summarizer.summaryLength(ranked.size()));
        List<String> summary = new ArrayList<>();
        for (String sentence : summarySentences) {
            summary.add(render(sentence, english, null));
        }
        List<String> keyPoints = new ArrayList<>();
        int keyPointCount = Math.min(MAX_KEY_POINTS, Math.max(MIN_KEY_POINTS, ranked.size() / 3));
        for (String sentence : Summarizer.best(ranked, keyPointCount)) {
            keyPoints.add(render(sentence, english, null));
        }
        if (keyPoints.isEmpty()) {
            keyPoints.add(title);
        }

        List<String> source = new ArrayList<>();
        source.add(article.title());
        source.addAll(article.paragraphs());
        double covered = coverage[0] == 0 ? 1.0 : (double) coverage[1] / coverage[0];
        return new Translation(
                title,
                paragraphs,
                String.join(" ", summary),
                keyPoints,
                entityFinder.find(source),
                TopicTagger.tags(article.title() + "\n" + article.body()),
                article.language(),
                "en",
                NAME,
                MODEL,
                QUALITY,
                Math.round(MAX_QUALITY_SCORE * covered * 1000) / 1000.0,
                List.of(),
                Usage.NONE);
    }

    private String render(String text, boolean alreadyEnglish, int[] coverage) {
        if (alreadyEnglish) {
            return text;
        }
        GistTranslator.Gist gist = translator.translate(text);
        if (coverage != null) {
            coverage[0] += gist.words();
            coverage[1] += gist.translated();
        }
        return gist.english();
    }

    Lexicon lexicon() {
        return lexicon;
    }

    Glossary glossary() {
        return glossary;
    }
}
