package dev.warta.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits Indonesian (or English) prose into sentences: the one splitter that ingestion, chunking, the faithfulness
 * checks and the offline engine share. A sentence ends at {@code .}, {@code !} or {@code ?}
 * (with any closing quotes or brackets after it) followed by white space and the start of a new sentence, unless
 * the period ends a known abbreviation ({@code Dr.}, {@code Jl.}, {@code Rp.}) or an initial ({@code M. Rutte}).
 * Numbers such as {@code 600.000} or {@code 3,5} contain no white space and are never split.
 */
public final class SentenceSplitter {

    /**
     * Abbreviations common in Indonesian (and English) news, lower case, without their final period: titles and
     * degrees, addresses, ranks, company forms, and the Latin and Indonesian "and so on".
     */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "dr", "drs", "dra", "prof", "ir", "h", "hj", "kh", "st", "no", "jl", "jln", "rp", "dll", "dsb", "dkk",
            "tsb", "yth", "bpk", "sdr", "tn", "ny", "kab", "kec", "kel", "prov", "mr", "mrs", "ms", "jr", "sr", "vs",
            "etc", "gen", "col", "lt", "kol", "letjen", "mayjen", "brigjen", "kapt", "sgt", "u.s", "a.n", "s.h",
            "sh", "s.e", "se", "mm", "m.si", "msi", "ph.d", "phd", "tbk", "inc", "ltd", "co", "corp");

    private SentenceSplitter() {
    }

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int end = i + 1;
            while (end < length && isCloser(text.charAt(end))) {
                end++;
            }
            if (end >= length || !Character.isWhitespace(text.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < length && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next < length && !startsSentence(text.charAt(next))) {
                continue;
            }
            if (c == '.' && endsWithAbbreviation(text, start, i)) {
                continue;
            }
            addTrimmed(sentences, text.substring(start, end));
            start = next;
            i = next - 1;
        }
        if (start < length) {
            addTrimmed(sentences, text.substring(start));
        }
        return sentences;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '»';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '\'' || c == '('
                || c == '‘' || c == '[' || c == '-' || c == '–' || c == '—';
    }

    private static boolean endsWithAbbreviation(String text, int sentenceStart, int periodIndex) {
        int wordStart = periodIndex;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && text.charAt(wordStart - 1) != '(' && text.charAt(wordStart - 1) != '"') {
            wordStart--;
        }
        String word = text.substring(wordStart, periodIndex).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return false;
        }
        // A single letter before a period is an initial ("M. Rutte"), not the end of a sentence.
        return (word.length() == 1 && Character.isLetter(word.charAt(0))) || ABBREVIATIONS.contains(word);
    }

    private static void addTrimmed(List<String> sentences, String sentence) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
