package dev.warta.ingest;

import dev.warta.text.IndonesianCalendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates that pages and feeds carry, in the forms they come in, into ISO-8601: with the offset
 * when the source gives one (or names WIB/WITA/WIT), as a local date-time when it does not. Nothing is invented: a
 * date without a zone stays without one.
 */
final class PublishedDates {

    private static final Map<String, ZoneOffset> INDONESIAN_ZONES = Map.of(
            "wib", ZoneOffset.ofHours(7), "wita", ZoneOffset.ofHours(8), "wit", ZoneOffset.ofHours(9),
            "gmt", ZoneOffset.UTC, "utc", ZoneOffset.UTC);

    /** {@code Senin, 15 Februari 2016, 16:15 WIB}, {@code 02 Des 2015 | 14:27 WIB}, {@code 5 November 2015}. */
    private static final Pattern WRITTEN = Pattern.compile(
            "(?i)(\\d{1,2})\\s+([a-z]{3,9})\\.?\\s+(\\d{4})(?:\\D{1,5}?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?)?"
                    + "\\s*(wib|wita|wit|gmt|utc)?");

    private PublishedDates() {
    }

    /** The date-time in ISO-8601, or {@code null} when the text holds no date this class can read. */
    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.matches("\\d{10}|\\d{13}")) {
            // Unix time, as some feeds give it: seconds or milliseconds since 1970, in UTC
            long value = Long.parseLong(text);
            java.time.Instant instant = text.length() == 10 ? java.time.Instant.ofEpochSecond(value)
                    : java.time.Instant.ofEpochMilli(value);
            return iso(instant.atOffset(ZoneOffset.UTC));
        }
        try {
            return iso(OffsetDateTime.parse(text));
        } catch (DateTimeParseException ignored) {
            // not ISO with offset; try the next form
        }
        try {
            return iso(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // not an RSS date
        }
        try {
            return iso(OffsetDateTime.parse(text.replace(' ', 'T').replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")));
        } catch (DateTimeParseException ignored) {
            // not "2016-02-16 14:11:54+0700"
        }
        try {
            return iso(LocalDateTime.parse(text.replace(' ', 'T').replace('/', '-')));
        } catch (DateTimeParseException ignored) {
            // not a local ISO date-time
        }
        try {
            return LocalDate.parse(text.replace('/', '-')).toString();
        } catch (DateTimeParseException ignored) {
            // not an ISO date
        }
        return written(text);
    }

    /**
     * Whether a line gives only when a story was published, and perhaps who wrote it: {@code Rabu, 4 November 2015 |
     * 21:04 WIB}, {@code Vania Ika Aldida | Jum'at, 17 Februari 2017 - 13:30 wib}. Such a line sits above the story;
     * a sentence that mentions a date and a time has words of its own.
     */
    static boolean isDateLine(String line) {
        if (line.length() > 120) {
            return false;
        }
        Matcher matcher = WRITTEN.matcher(line);
        while (matcher.find()) {
            if (matcher.group(4) == null
                    || IndonesianCalendar.monthInDateline(matcher.group(2).toLowerCase(Locale.ROOT)) == null) {
                continue;
            }
            String rest = line.substring(0, matcher.start()) + " " + line.substring(matcher.end());
            List<String> words = new ArrayList<>();
            for (String word : rest.split("[^\\p{L}']+")) {
                String plain = word.replace("'", "").toLowerCase(Locale.ROOT);
                if (!plain.isEmpty() && !IndonesianCalendar.isMonthOrDay(plain)) {
                    words.add(word);
                }
            }
            // what is left is a byline's name at most: a few capitalised words
            return words.size() <= 5 && words.stream().allMatch(word -> Character.isUpperCase(word.charAt(0)));
        }
        return false;
    }

    private static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static String iso(LocalDateTime time) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
    }

    private static String written(String text) {
        Matcher matcher = WRITTEN.matcher(text);
        while (matcher.find()) {
            Integer month = IndonesianCalendar.monthInDateline(matcher.group(2).toLowerCase(Locale.ROOT));
            if (month == null) {
                continue;
            }
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(3)), month,
                        Integer.parseInt(matcher.group(1)));
                if (matcher.group(4) == null) {
                    return date.toString();
                }
                LocalDateTime time = date.atTime(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                        matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)));
                String zone = matcher.group(7);
                if (zone == null) {
                    return iso(time);
                }
                return iso(time.atOffset(INDONESIAN_ZONES.get(zone.toLowerCase(Locale.ROOT))));
            } catch (java.time.DateTimeException e) {
                continue;
            }
        }
        return null;
    }
}
