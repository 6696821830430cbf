package dev.warta.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a paragraph into sentences without breaking at abbreviations, initials or decimal points. */
final class Sentences {

    private static final Pattern BOUNDARY = Pattern.compile("[.!?]+[\"”’')]*\\s+(?=[\"“‘(]?[\\p{Lu}\\d])");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "dr", "drs", "dra", "prof", "ir", "h", "hj", "st", "no", "jl", "jln", "kh", "kec", "kab", "kel", "rp",
            "sdr", "tn", "ny", "bpk", "mr", "mrs", "ms", "dll", "dsb", "dkk", "yth", "sh", "se", "mm", "msi", "phd",
            "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "gen", "col", "lt", "sgt", "u.s", "a.n");

    private Sentences() {
    }

    static List<String> split(String paragraph) {
        List<String> sentences = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(paragraph);
        int start = 0;
        while (m.find()) {
            String before = paragraph.substring(start, m.start());
            int space = before.lastIndexOf(' ');
            String lastWord = before.substring(space + 1).toLowerCase(Locale.ROOT);
            boolean abbreviation = ABBREVIATIONS.contains(lastWord) || lastWord.length() == 1 && Character.isLetter(lastWord.charAt(0));
            if (abbreviation && paragraph.charAt(m.start()) == '.' && m.end() - m.start() <= 2) {
                continue;
            }
            add(sentences, paragraph.substring(start, m.end()));
            start = m.end();
        }
        add(sentences, paragraph.substring(start));
        return sentences;
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
