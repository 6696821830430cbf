package dev.warta.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of a text as a page shows it: plain, or marked (a number, a name, a searched word). Pages render a text
 * as a list of these with {@code th:text}, so a highlight never needs HTML built from the text itself.
 *
 * @param text the piece, raw (the template escapes it)
 * @param kind {@code null} for plain text, else {@code number}, {@code name} or {@code match}
 */
public record Segment(String text, String kind) {

    /** Digits with their thousands and decimal separators: 1.250, 3,5, 2024. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])\\d+(?:[.,]\\d+)*");

    public boolean marked() {
        return kind != null;
    }

    public static List<Segment> plain(String text) {
        return text == null ? List.of() : List.of(new Segment(text, null));
    }

    /** The text with its numbers and the given names marked (names win where they overlap a number). */
    public static List<Segment> numbersAndNames(String text, List<String> names) {
        if (text == null) {
            return List.of();
        }
        List<int[]> ranges = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
                add(ranges, kinds, at, at + name.length(), "name");
            }
        }
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            add(ranges, kinds, number.start(), number.end(), "number");
        }
        return cut(text, ranges, kinds);
    }

    /** The text with every occurrence of the words marked, case-insensitively. */
    public static List<Segment> matches(String text, List<String> words) {
        if (text == null) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<int[]> ranges = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (String word : words) {
            if (word.isBlank()) {
                continue;
            }
            String needle = word.toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length())) {
                add(ranges, kinds, at, at + needle.length(), "match");
            }
        }
        return cut(text, ranges, kinds);
    }

    /** Keeps a range only if it overlaps none taken before it. */
    private static void add(List<int[]> ranges, List<String> kinds, int start, int end, String kind) {
        for (int[] taken : ranges) {
            if (start < taken[1] && taken[0] < end) {
                return;
            }
        }
        ranges.add(new int[]{start, end, kinds.size()});
        kinds.add(kind);
    }

    private static List<Segment> cut(String text, List<int[]> ranges, List<String> kinds) {
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (int[] range : ranges) {
            if (range[0] > at) {
                segments.add(new Segment(text.substring(at, range[0]), null));
            }
            segments.add(new Segment(text.substring(range[0], range[1]), kinds.get(range[2])));
            at = range[1];
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }
}
