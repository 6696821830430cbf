package dev.warta.offline;

import dev.warta.text.SentenceSplitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Extractive summary: ranks an article's sentences by centrality (TextRank over word overlap) with a bias towards
 * the lead, as news puts what matters first. Works on the source text; the engine translates what it picks.
 */
final class Summarizer {

    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;
    private static final int MIN_WORDS = 5;
    /** Frequent Indonesian and English words that say nothing about a sentence's content. */
    private static final Set<String> STOPWORDS = Set.of(
            "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "dalam", "tidak", "akan",
            "juga", "ada", "adalah", "oleh", "karena", "atau", "saat", "telah", "sudah", "bisa", "dapat", "lebih",
            "kata", "ujar", "ujarnya", "katanya", "mengatakan", "menurut", "bahwa", "para", "sebagai", "serta",
            "tersebut", "namun", "masih", "hanya", "kami", "kita", "mereka", "saya", "dia", "ia", "pun", "sangat",
            "the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said", "he", "she",
            "it", "be", "by", "as", "at", "are", "from", "has", "have", "this", "will", "not", "but");

    /** A sentence with its place in the article (paragraph order, then sentence order) and its rank score. */
    record Ranked(String text, int position, double score) {
    }

    private Summarizer() {
    }

    /** All sentences of the paragraphs, each with its score, in document order. */
    static List<Ranked> rank(List<String> paragraphs) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : paragraphs) {
            sentences.addAll(SentenceSplitter.split(paragraph));
        }
        int n = sentences.size();
        List<Set<String>> words = new ArrayList<>(n);
        for (String sentence : sentences) {
            words.add(contentWords(sentence));
        }
        double[][] weight = new double[n][n];
        double[] outSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    weight[i][j] = similarity(words.get(i), words.get(j));
                    outSum[i] += weight[i][j];
                }
            }
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double incoming = 0;
                for (int j = 0; j < n; j++) {
                    if (outSum[j] > 0) {
                        incoming += weight[j][i] / outSum[j] * score[j];
                    }
                }
                next[i] = (1 - DAMPING) + DAMPING * incoming;
            }
            score = next;
        }
        List<Ranked> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double lead = 1.0 + 1.0 / (1 + i); // first sentence x2, second x1.5, ...
            double tooShort = words.get(i).size() < MIN_WORDS || sentences.get(i).split("\\s+").length < MIN_WORDS ? 0.3 : 1.0;
            ranked.add(new Ranked(sentences.get(i), i, score[i] * lead * tooShort));
        }
        return ranked;
    }

    /** The {@code count} best sentences, in document order. */
    static List<String> best(List<Ranked> ranked, int count) {
        List<Ranked> chosen = ranked.stream()
                .sorted(Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::position))
                .limit(count)
                .sorted(Comparator.comparingInt(Ranked::position))
                .toList();
        return chosen.stream().map(Ranked::text).toList();
    }

    /** 3 sentences for an article of 5 or more, else 2 (or what there is). */
    static int summaryLength(int sentences) {
        return sentences >= 5 ? 3 : Math.min(2, sentences);
    }

    private static Set<String> contentWords(String sentence) {
        Set<String> words = new HashSet<>();
        for (String word : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")) {
            if (word.length() > 2 && !STOPWORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.size() < 2 || b.size() < 2) {
            return 0;
        }
        int overlap = 0;
        for (String word : a) {
            if (b.contains(word)) {
                overlap++;
            }
        }
        return overlap / (Math.log(a.size()) + Math.log(b.size()));
    }
}
