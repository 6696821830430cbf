package dev.warta.faithfulness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a text states, as values, so that an Indonesian source and its English translation can be compared
 * whatever their formatting: {@code 600.000} and {@code 600,000}, {@code 3,5 persen} and {@code 3.5 percent},
 * {@code 5 triliun} and {@code 5 trillion}, {@code 600 ribu} and {@code 600,000} or {@code 600 thousand}.
 */
final class NumberFacts {

    /** A number as written in the source, with the values it may legitimately be rendered as. */
    record Fact(String written, List<BigDecimal> acceptable) {
    }

    // 1.234.567 | 1,234,567 | 3,5 | 3.5 | 12 | 09.42 (a time) | 18/11/2025 (a date)
    private static final Pattern DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{2,4})\\b");
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2})[.:](\\d{2})\\s*(?=WIB|WITA|WIT|wib|wita|wit)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,3}(?:[.,]\\d{3})+|\\d+)([.,]\\d+)?"
            + "(?:\\s*(ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion|k|m|bn))?(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, BigDecimal> SCALES = Map.ofEntries(
            Map.entry("ribu", BigDecimal.valueOf(1_000L)), Map.entry("thousand", BigDecimal.valueOf(1_000L)),
            Map.entry("k", BigDecimal.valueOf(1_000L)),
            Map.entry("juta", BigDecimal.valueOf(1_000_000L)), Map.entry("million", BigDecimal.valueOf(1_000_000L)),
            Map.entry("m", BigDecimal.valueOf(1_000_000L)),
            Map.entry("miliar", BigDecimal.valueOf(1_000_000_000L)),
            Map.entry("milyar", BigDecimal.valueOf(1_000_000_000L)),
            Map.entry("billion", BigDecimal.valueOf(1_000_000_000L)), Map.entry("bn", BigDecimal.valueOf(1_000_000_000L)),
            Map.entry("triliun", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("trillion", BigDecimal.valueOf(1_000_000_000_000L)));
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty");
    private static final List<String> ORDINALS = List.of("zeroth", "first", "second", "third", "fourth", "fifth",
            "sixth", "seventh", "eighth", "ninth", "tenth");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private NumberFacts() {
    }

    /** The numbers in an Indonesian text: {@code .} groups thousands and {@code ,} marks decimals. */
    static List<Fact> inIndonesian(String text) {
        List<Fact> facts = new ArrayList<>();
        String rest = text;
        Matcher date = DATE.matcher(rest);
        while (date.find()) {
            // a date: its day and year must survive; the month may become a month name
            facts.add(new Fact(date.group(), List.of(new BigDecimal(date.group(1)))));
            facts.add(new Fact(date.group(), List.of(new BigDecimal(date.group(3)))));
        }
        rest = DATE.matcher(rest).replaceAll(" ");
        Matcher time = TIME.matcher(rest);
        while (time.find()) {
            facts.add(new Fact(time.group().strip(), List.of(new BigDecimal(time.group(1)))));
            if (!time.group(2).equals("00")) {
                facts.add(new Fact(time.group().strip(), List.of(new BigDecimal(time.group(2)))));
            }
        }
        rest = TIME.matcher(rest).replaceAll(" ");
        Matcher number = NUMBER.matcher(rest);
        while (number.find()) {
            String integer = number.group(1).replace(".", "").replace(",", "");
            String fraction = number.group(2) == null ? "" : "." + number.group(2).substring(1);
            if (number.group(1).contains(",") && number.group(2) == null && !number.group(1).contains(".")) {
                // "3,5" alone was matched as a thousands group; in Indonesian it is a decimal
                integer = number.group(1).substring(0, number.group(1).indexOf(','));
                fraction = "." + number.group(1).substring(number.group(1).indexOf(',') + 1);
            }
            BigDecimal value = new BigDecimal(integer + fraction);
            facts.add(new Fact(number.group().strip(), acceptable(value, number.group(3))));
        }
        return facts;
    }

    /** Every value an English text states, in every reading of its scale words. */
    static List<BigDecimal> inEnglish(String text) {
        List<BigDecimal> values = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher number = NUMBER.matcher(lower);
        while (number.find()) {
            String integer = number.group(1).replace(",", "");
            String fraction = number.group(2) == null ? "" : "." + number.group(2).substring(1);
            if (number.group(1).matches("\\d{1,3}(\\.\\d{3})+")) {
                // "600.000" left in Indonesian style inside an English text
                integer = number.group(1).replace(".", "");
            }
            values.addAll(acceptable(new BigDecimal(integer + fraction), number.group(3)));
        }
        // "9:42 a.m." for "09.42 WIB"
        Matcher times = Pattern.compile("\\b(\\d{1,2})[:.](\\d{2})\\b").matcher(lower);
        while (times.find()) {
            values.add(new BigDecimal(times.group(1)));
            values.add(new BigDecimal(times.group(2)));
        }
        for (int i = 0; i < NUMBER_WORDS.size(); i++) {
            if (Pattern.compile("\\b" + NUMBER_WORDS.get(i) + "\\b").matcher(lower).find()) {
                values.add(BigDecimal.valueOf(i));
            }
        }
        for (int i = 0; i < ORDINALS.size(); i++) {
            if (Pattern.compile("\\b" + ORDINALS.get(i) + "\\b").matcher(lower).find()) {
                values.add(BigDecimal.valueOf(i));
            }
        }
        for (int i = 0; i < MONTHS.size(); i++) {
            if (lower.contains(MONTHS.get(i))) {
                values.add(BigDecimal.valueOf(i + 1));
            }
        }
        return values;
    }

    private static List<BigDecimal> acceptable(BigDecimal value, String scaleWord) {
        if (scaleWord == null) {
            return List.of(value.stripTrailingZeros());
        }
        BigDecimal scale = SCALES.get(scaleWord.toLowerCase(Locale.ROOT));
        // "5 triliun" may stay "5 trillion" (value 5 with a scale) or become "5,000,000,000,000"
        return List.of(value.stripTrailingZeros(), value.multiply(scale).stripTrailingZeros());
    }

    /** Whether a stated value appears among the English values. */
    static boolean present(Fact fact, List<BigDecimal> english) {
        for (BigDecimal candidate : fact.acceptable()) {
            for (BigDecimal value : english) {
                if (value.compareTo(candidate) == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
