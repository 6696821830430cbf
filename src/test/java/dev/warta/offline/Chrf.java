package dev.warta.offline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * chrF, the character n-gram F-score (Popović 2015) as sacrebleu computes it by default: character n-grams of
 * orders 1–6 with white space removed, statistics summed over the whole corpus, precision and recall averaged over
 * the orders that occur, then combined as an F-score with recall weighted by beta = 2. Scores are 0–100.
 */
public final class Chrf {

    static final int ORDER = 6;
    static final double BETA = 2.0;

    private Chrf() {
    }

    /** Corpus chrF of hypotheses against references, paired by index. */
    public static double corpusScore(List<String> hypotheses, List<String> references) {
        Objects.requireNonNull(hypotheses, "hypotheses");
        Objects.requireNonNull(references, "references");
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException("hypotheses (" + hypotheses.size() + ") and references ("
                    + references.size() + ") differ in number");
        }
        long[][] stats = new long[ORDER][3]; // per order: hypothesis n-grams, reference n-grams, matches
        for (int i = 0; i < hypotheses.size(); i++) {
            addStatistics(hypotheses.get(i), references.get(i), stats);
        }
        return fScore(stats);
    }

    /** chrF of one hypothesis against one reference. */
    public static double sentenceScore(String hypothesis, String reference) {
        return corpusScore(List.of(hypothesis), List.of(reference));
    }

    private static void addStatistics(String hypothesis, String reference, long[][] stats) {
        int[] hyp = withoutWhitespace(hypothesis);
        int[] ref = withoutWhitespace(reference);
        for (int n = 1; n <= ORDER; n++) {
            Map<String, Integer> hypGrams = ngrams(hyp, n);
            Map<String, Integer> refGrams = ngrams(ref, n);
            long matches = 0;
            for (Map.Entry<String, Integer> gram : hypGrams.entrySet()) {
                matches += Math.min(gram.getValue(), refGrams.getOrDefault(gram.getKey(), 0));
            }
            stats[n - 1][0] += Math.max(0, hyp.length - n + 1);
            stats[n - 1][1] += Math.max(0, ref.length - n + 1);
            stats[n - 1][2] += matches;
        }
    }

    private static double fScore(long[][] stats) {
        double precisionSum = 0;
        double recallSum = 0;
        int effectiveOrder = 0;
        for (long[] order : stats) {
            long hypCount = order[0];
            long refCount = order[1];
            if (hypCount > 0 && refCount > 0) {
                precisionSum += (double) order[2] / hypCount;
                recallSum += (double) order[2] / refCount;
                effectiveOrder++;
            }
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        double precision = precisionSum / effectiveOrder;
        double recall = recallSum / effectiveOrder;
        if (precision + recall == 0) {
            return 0.0;
        }
        double factor = BETA * BETA;
        return 100.0 * (1 + factor) * precision * recall / (factor * precision + recall);
    }

    private static int[] withoutWhitespace(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
    }

    private static Map<String, Integer> ngrams(int[] chars, int n) {
        Map<String, Integer> grams = new HashMap<>();
        for (int i = 0; i + n <= chars.length; i++) {
            grams.merge(new String(chars, i, n), 1, Integer::sum);
        }
        return grams;
    }
}
