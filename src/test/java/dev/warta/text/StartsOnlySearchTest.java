package dev.warta.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class StartsOnlySearchTest {

    // the shapes of the checks' patterns: a look-behind or \b before the start, alternatives, greedy runs
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,3}(?:[.,]\\d{3})+|\\d+)([.,]\\d+)?"
            + "(?:\\s*(ribu|juta|thousand|k))?(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPITALISED = Pattern.compile("\\b(\\p{Lu}[\\p{L}'’-]{2,}|\\p{Lu}{2,}\\d*)\\b");
    private static final Pattern LONG_FORM = Pattern.compile(
            "((?:\\p{Lu}\\p{Ll}+\\s+)+\\p{Lu}\\p{Ll}+),\\s+(\\p{Lu}{2,6})\\b");

    @Test
    void findsTheMatchesFindFindsWithTheirGroups() {
        String text = "Dewan Transisi Nasional, NTC, menyebut 1.250 warga dan 3,5 juta rupiah di RT05 (8/1).";
        assertThat(groups(StartsOnlySearch.of(NUMBER, text, StartsOnlySearch.DIGIT), 2))
                .containsExactly("1.250|null", "3|,5", "8|null", "1|null");
        assertThat(groups(StartsOnlySearch.of(LONG_FORM, text, StartsOnlySearch.UPPER_CASE_LETTER), 2))
                .containsExactly("Dewan Transisi Nasional|NTC");
        // a look-behind sees the text before the first try: the 5 of "RT05" follows a digit
        assertThat(matches(StartsOnlySearch.from(NUMBER, "RT05", 3, StartsOnlySearch.DIGIT), 1)).isEmpty();
    }

    @Test
    void givesWhatMatcherFindGivesOnRandomText() {
        String[] parts = {"a", "Z", "É", "é", "İ", "ß", "1", "23", "٣", " ", "\t", "\n", ",", ".", "'", "’", "-", "(",
                ")", "𝐀", "😀", "\ud800", "juta", "ribu", "Rp", "Jakarta", "DKI", "Nasional", "NTC", "k"};
        Random random = new Random(11);
        for (int sample = 0; sample < 20_000; sample++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int part = 0; part < length; part++) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String input = text.toString();
            assertThat(matches(StartsOnlySearch.of(NUMBER, input, StartsOnlySearch.DIGIT), 3)).as(input)
                    .isEqualTo(matches(NUMBER.matcher(input), 3));
            assertThat(matches(StartsOnlySearch.of(CAPITALISED, input, StartsOnlySearch.UPPER_CASE_LETTER), 1))
                    .as(input).isEqualTo(matches(CAPITALISED.matcher(input), 1));
            assertThat(matches(StartsOnlySearch.of(LONG_FORM, input, StartsOnlySearch.UPPER_CASE_LETTER), 2))
                    .as(input).isEqualTo(matches(LONG_FORM.matcher(input), 2));
        }
    }

    private static List<String> matches(StartsOnlySearch search, int groups) {
        List<String> found = new ArrayList<>();
        while (search.find()) {
            StringBuilder match = new StringBuilder(search.start() + ":" + search.end() + ":");
            for (int group = 1; group <= groups; group++) {
                match.append(group > 1 ? "|" : "").append(search.group(group));
            }
            found.add(match.toString());
        }
        return found;
    }

    /** The groups of each match, without its bounds. */
    private static List<String> groups(StartsOnlySearch search, int groups) {
        return matches(search, groups).stream()
                .map(match -> match.substring(match.indexOf(':', match.indexOf(':') + 1) + 1)).toList();
    }

    private static List<String> matches(Matcher matcher, int groups) {
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            StringBuilder match = new StringBuilder(matcher.start() + ":" + matcher.end() + ":");
            for (int group = 1; group <= groups; group++) {
                match.append(group > 1 ? "|" : "").append(matcher.group(group));
            }
            found.add(match.toString());
        }
        return found;
    }
}
