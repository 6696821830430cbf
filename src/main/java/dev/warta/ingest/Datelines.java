package dev.warta.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens an Indonesian news body ({@code JAKARTA, KOMPAS.com -}, {@code TEMPO.CO, Jakarta -},
 * {@code Mataram, NTB (ANTARA News) -}, {@code TIMESINDONESIA, JAKARTA –}, {@code Jakarta -}) so that the city is
 * kept as metadata and the dateline is not translated as if it were a sentence.
 */
final class Datelines {

    /** What a dateline gave: the city (or {@code null}), the outlet as written (or {@code null}) and the rest. */
    record Found(String city, String outlet, String rest) {
    }

    private static final String DASH = "\\s*(?:(?:-{1,2}|–|—)\\s*)+";
    private static final String CITY = "(?<city>\\p{Lu}[\\p{L}.'’]*(?:\\s+\\p{Lu}[\\p{L}.'’]*){0,3})";
    private static final String REGION = "(?:\\s*,\\s*\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*){0,2})?";
    /** An outlet written like a domain ({@code KOMPAS.com}, {@code REPUBLIKA.CO.ID}) or one of the bare names. */
    private static final String OUTLET = "(?<outlet>[\\p{L}0-9]+(?:\\.[\\p{L}]{2,4}){1,2}"
            + "|TIMESINDONESIA|TIMES Indonesia|CNN Indonesia|ANTARA News|ANTARA|Antara|VIVA|detikNews|detikcom)";

    private static final List<Pattern> PATTERNS = List.of(
            // Mataram, NTB (ANTARA News) -
            Pattern.compile("^" + CITY + REGION + "\\s*\\(" + OUTLET + "\\)" + DASH),
            // JAKARTA, KOMPAS.com -   /   Jakarta, CNN Indonesia --
            Pattern.compile("^" + CITY + "\\s*,\\s*" + OUTLET + DASH),
            // TEMPO.CO, Jakarta -   /   TIMESINDONESIA, JAKARTA –   /   REPUBLIKA.CO.ID, JAKARTA --
            Pattern.compile("^" + OUTLET + "\\s*,\\s*" + CITY + DASH),
            // VIVA.co.id -   /   Liputan6.com -   (outlet only, no city)
            Pattern.compile("^" + OUTLET + DASH),
            // Jakarta -   (city only, as Detik writes it)
            Pattern.compile("^" + CITY + "\\s+(?:-{1,2}|–|—)\\s+"));

    /** A dateline written without its dash, as bold type at the start of a page's first paragraph. */
    private static final List<Pattern> BARE = List.of(
            Pattern.compile("^" + CITY + REGION + "\\s*\\(" + OUTLET + "\\)$"),
            Pattern.compile("^" + CITY + "\\s*,\\s*" + OUTLET + "$"),
            Pattern.compile("^" + OUTLET + "\\s*,\\s*" + CITY + "$"));

    /** Stands for the story's first words after a dateline that is a paragraph of its own. */
    private static final String STORY_MARK = "\u0000";

    private Datelines() {
    }

    static boolean isBare(String text) {
        return BARE.stream().anyMatch(pattern -> pattern.matcher(text).matches());
    }

    /** The dateline at the start of a first paragraph, or {@code null} when it does not open with one. */
    static Found find(String firstParagraph) {
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(firstParagraph);
            if (matcher.find()) {
                String city = group(matcher, "city");
                String outlet = group(matcher, "outlet");
                String rest = firstParagraph.substring(matcher.end()).strip();
                if (rest.isEmpty() || (city != null && city.length() > 40)) {
                    continue;
                }
                return new Found(city == null ? null : cityName(city), outlet, rest);
            }
        }
        return null;
    }

    /** A paragraph that is only a dateline with its dash ("Jakarta -"), the story following in the next block. */
    static Found alone(String paragraph) {
        Found found = find(paragraph + " " + STORY_MARK);
        return found != null && found.rest().equals(STORY_MARK) ? new Found(found.city(), found.outlet(), "") : null;
    }

    private static String group(Matcher matcher, String name) {
        try {
            return matcher.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code JAKARTA} → {@code Jakarta}, {@code LOS ANGELES} → {@code Los Angeles}; mixed case is kept. */
    static String cityName(String city) {
        String stripped = city.strip();
        if (!stripped.equals(stripped.toUpperCase(Locale.ROOT))) {
            return stripped;
        }
        StringBuilder name = new StringBuilder();
        for (String word : stripped.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!name.isEmpty()) {
                name.append(' ');
            }
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }
}
