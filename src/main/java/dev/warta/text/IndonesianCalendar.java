package dev.warta.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Indonesian month and day names, with their English equivalents: the one table that ingestion (datelines), the
 * offline engine (dates and days), entity finding and the faithfulness checks (capitalised words that are not
 * names) share. All lookups take a lower-case word.
 */
public final class IndonesianCalendar {

    private static final List<String> ENGLISH_MONTHS = List.of("January", "February", "March", "April", "May",
            "June", "July", "August", "September", "October", "November", "December");
    private static final List<String> ENGLISH_DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday");

    /** Indonesian month names as written in full, older spellings included. */
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("februari", 2), Map.entry("pebruari", 2), Map.entry("maret", 3),
            Map.entry("april", 4), Map.entry("mei", 5), Map.entry("juni", 6), Map.entry("juli", 7),
            Map.entry("agustus", 8), Map.entry("september", 9), Map.entry("oktober", 10), Map.entry("november", 11),
            Map.entry("nopember", 11), Map.entry("desember", 12));

    /** Short forms that datelines use, Indonesian and English ("02 Des 2015", "5 Aug 2016"). */
    private static final Map<String, Integer> ABBREVIATIONS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("agu", 8), Map.entry("agt", 8), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("nop", 11), Map.entry("des", 12), Map.entry("dec", 12));

    private static final Map<String, Integer> DAYS = Map.of("senin", 1, "selasa", 2, "rabu", 3, "kamis", 4,
            "jumat", 5, "jum'at", 5, "sabtu", 6, "minggu", 7);

    private static final Map<String, Integer> ANY_MONTH_WORD = anyMonthWord();

    private IndonesianCalendar() {
    }

    /** The month (1–12) an Indonesian month name stands for, or {@code null}. */
    public static Integer month(String lowerCaseWord) {
        return MONTHS.get(lowerCaseWord);
    }

    /**
     * The month a dateline's month word stands for, Indonesian or English, in full or abbreviated ({@code des},
     * {@code oct}), or {@code null}.
     */
    public static Integer monthInDateline(String lowerCaseWord) {
        return ANY_MONTH_WORD.get(lowerCaseWord);
    }

    /** The English name of a month, 1–12. */
    public static String englishMonth(int month) {
        return ENGLISH_MONTHS.get(month - 1);
    }

    /** The English name of an Indonesian month name ({@code agustus} → August), or {@code null}. */
    public static String englishMonth(String lowerCaseWord) {
        Integer month = MONTHS.get(lowerCaseWord);
        return month == null ? null : englishMonth(month);
    }

    /** The English name of an Indonesian day name ({@code jumat} → Friday), or {@code null}. */
    public static String englishDay(String lowerCaseWord) {
        Integer day = DAYS.get(lowerCaseWord);
        return day == null ? null : ENGLISH_DAYS.get(day - 1);
    }

    /** Whether the word is an Indonesian month or day name: capitalised, but never a name. */
    public static boolean isMonthOrDay(String lowerCaseWord) {
        return MONTHS.containsKey(lowerCaseWord) || DAYS.containsKey(lowerCaseWord);
    }

    private static Map<String, Integer> anyMonthWord() {
        Map<String, Integer> words = new HashMap<>(MONTHS);
        words.putAll(ABBREVIATIONS);
        for (int month = 1; month <= 12; month++) {
            words.put(englishMonth(month).toLowerCase(java.util.Locale.ROOT), month);
        }
        return Map.copyOf(words);
    }
}
