package dev.warta.faithfulness;

import dev.warta.text.IndonesianCalendar;
import dev.warta.text.LetterSplitter;
import dev.warta.text.StartsOnlySearch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    /** The day and month of Indonesian news datelines: "Selasa (8/1)" is 8 January. */
    private static final Pattern SHORT_DATE = Pattern.compile("\\((\\d{1,2})/(\\d{1,2})\\)");
    /** "7x24 jam", "3×4 meter": numbers multiplied, each a number of its own. */
    private static final Pattern TIMES = Pattern.compile("(?<=\\d)\\s*[x×]\\s*(?=\\d)");
    /**
     * A time of day: Indonesian writes decimals with a comma and groups thousands in threes, so {@code 18.00} or
     * {@code 09.42} (two digits after the point, hour up to 24) is a clock time, with or without {@code WIB}.
     */
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d.,])([01]?\\d|2[0-4])[.:]([0-5]\\d)(?![\\d]|[.,]\\d)(\\s*(?:WIB|WITA|WIT))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,3}(?:[.,]\\d{3})+|\\d+)([.,]\\d+)?"
            + "(?:\\s*(ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion|k|m|bn|tn))?(?![\\p{L}\\d])",
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
            Map.entry("trillion", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("tn", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("hundred", BigDecimal.valueOf(100L)));
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");
    private static final List<String> ORDINALS = List.of("zeroth", "first", "second", "third", "fourth", "fifth",
            "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
            "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth");
    private static final List<String> TENTHS = List.of("", "", "twentieth", "thirtieth", "fortieth", "fiftieth",
            "sixtieth", "seventieth", "eightieth", "ninetieth");
    /** Number words, cardinal and ordinal, with their values ("nil" as in a football score). */
    private static final Map<String, BigDecimal> WORD_VALUES = wordValues();
    /** Fractions in words, as a share and as a percentage ("half" for "50 persen"). */
    private static final Map<String, List<BigDecimal>> FRACTIONS = Map.of(
            "half", List.of(new BigDecimal("0.5"), BigDecimal.valueOf(50)),
            "quarter", List.of(new BigDecimal("0.25"), BigDecimal.valueOf(25)),
            "quarters", List.of(new BigDecimal("0.75"), BigDecimal.valueOf(75)),
            "dozen", List.of(BigDecimal.valueOf(12)),
            "dozens", List.of(BigDecimal.valueOf(12)));
    /** Digits that run into letters: {@code 6pm}, {@code 6 p.m.}, {@code 21st}, {@code 1970s}. */
    private static final Pattern ATTACHED = Pattern.compile("(?<![\\p{L}\\d.,])(\\d+)(?=\\p{L})");
    /** Decades: "the forties" for "40-an", "the seventies" for "1970-an". */
    private static final List<String> DECADES = List.of("", "", "twenties", "thirties", "forties", "fifties",
            "sixties", "seventies", "eighties", "nineties");
    // compiled once: the checks run on every answer, and compiling a pattern per call or per word (String.matches,
    // split) was a good part of their processor time
    private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2})[:.](\\d{2})\\b");
    private static final Pattern INDONESIAN_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final LetterSplitter NON_LETTERS = LetterSplitter.atNonLetters();   // [^\p{L}]+
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    /**
     * The hashes of every word {@link #spelledOut} does something with (number words, scales with their plural and
     * ordinal, fractions, and the glue "a", "and", "half", "point"), sorted: the other words are passed over uncut.
     */
    private static final int[] HASHES_OF_WORDS_THAT_COUNT = hashesOfWordsThatCount();

    private NumberFacts() {
    }

    /** The numbers in an Indonesian text: {@code .} groups thousands and {@code ,} marks decimals. */
    static List<Fact> inIndonesian(String text) {
        List<Fact> facts = new ArrayList<>();
        if (!hasDigit(text)) {
            // every pattern below starts from a digit (\d is 0-9): no digit, no number, without running them
            return facts;
        }
        String rest = mayMultiply(text) ? TIMES.matcher(text).replaceAll(" × ") : text;
        // each pattern's matches are blanked out only when it found one: most paragraphs hold no date and no time,
        // and the blanking scans of texts without a match were a fifth of this method's profile samples
        StartsOnlySearch shortDate = StartsOnlySearch.from(SHORT_DATE, rest, Math.max(0, firstDigit(rest) - 1),
                (withBracket, index) -> withBracket.charAt(index) == '(');
        boolean found = false;
        while (shortDate.find()) {
            found = true;
            // its day and its month must survive (the month may become a month name): "(8/1)" is not "(2/8)"
            String written = shortDate.group(1) + "/" + shortDate.group(2);
            facts.add(new Fact(written, List.of(new BigDecimal(shortDate.group(1)))));
            facts.add(new Fact(written, List.of(new BigDecimal(shortDate.group(2)))));
        }
        if (found) {
            rest = shortDate.reset().replaceAll(" ");
        }
        StartsOnlySearch date = fromFirstDigit(DATE, rest);
        found = false;
        while (date.find()) {
            found = true;
            // a date: its day and year must survive; the month may become a month name
            facts.add(new Fact(date.group(), List.of(new BigDecimal(date.group(1)))));
            facts.add(new Fact(date.group(), List.of(new BigDecimal(date.group(3)))));
        }
        if (found) {
            rest = date.reset().replaceAll(" ");
        }
        StartsOnlySearch time = fromFirstDigit(TIME, rest);
        found = false;
        while (time.find()) {
            found = true;
            int hour = Integer.parseInt(time.group(1));
            // 18.00 may become 6 PM, 00.00 midnight and 12.00 noon: the English 12-hour clock
            List<BigDecimal> hours = new ArrayList<>(List.of(BigDecimal.valueOf(hour)));
            if (hour > 12) {
                hours.add(BigDecimal.valueOf(hour - 12));
            }
            if (hour == 0 || hour == 24) {
                hours.add(BigDecimal.valueOf(12));
            }
            facts.add(new Fact(time.group().strip(), hours));
            if (!time.group(2).equals("00")) {
                facts.add(new Fact(time.group().strip(), List.of(new BigDecimal(time.group(2)))));
            }
        }
        if (found) {
            rest = time.reset().replaceAll(" ");
        }
        StartsOnlySearch number = fromFirstDigit(NUMBER, rest);
        while (number.find()) {
            String integer = number.group(1).replace(".", "").replace(",", "");
            String fraction = number.group(2) == null ? "" : "." + number.group(2).substring(1);
            if (number.group(1).contains(",") && number.group(2) == null && !number.group(1).contains(".")) {
                // "3,5" alone was matched as a thousands group; in Indonesian it is a decimal
                integer = number.group(1).substring(0, number.group(1).indexOf(','));
                fraction = "." + number.group(1).substring(number.group(1).indexOf(',') + 1);
            }
            BigDecimal value = new BigDecimal(integer + fraction);
            List<BigDecimal> acceptable = new ArrayList<>(acceptable(value, number.group(3)));
            if (rest.startsWith("-an", number.end()) && value.compareTo(BigDecimal.valueOf(1000)) > 0) {
                // "1970-an" may become "the seventies" or "the 70s"
                acceptable.add(value.remainder(BigDecimal.valueOf(100)));
            }
            facts.add(new Fact(number.group().strip(), acceptable));
        }
        return facts;
    }

    /** Every value an English text states, in every reading of its scale words, words and clock times. */
    static List<BigDecimal> inEnglish(String text) {
        return inEnglish(text, "");
    }

    /** The values of an English translation of {@code source}, whose month names in words are not numbers. */
    static List<BigDecimal> inEnglish(String text, String source) {
        List<BigDecimal> values = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        // the digit patterns (\d is 0-9) skipped when there is no digit: same values, less scanning
        boolean digits = hasDigit(lower);
        if (digits) {
            lower = mayMultiply(lower) ? TIMES.matcher(lower).replaceAll(" × ") : lower;
        }
        int firstDigit = digits ? firstDigit(lower) : lower.length();
        StartsOnlySearch number = fromDigit(NUMBER, lower, firstDigit);
        while (digits && number.find()) {
            String integer = number.group(1).replace(",", "");
            String fraction = number.group(2) == null ? "" : "." + number.group(2).substring(1);
            if (INDONESIAN_GROUPS.matcher(number.group(1)).matches()) {
                // "600.000" left in Indonesian style inside an English text
                integer = number.group(1).replace(".", "");
            }
            values.addAll(acceptable(new BigDecimal(integer + fraction), number.group(3)));
        }
        // "9:42 a.m." for "09.42 WIB"
        StartsOnlySearch times = fromDigit(CLOCK, lower, firstDigit);
        while (digits && times.find()) {
            values.add(new BigDecimal(times.group(1)));
            values.add(new BigDecimal(times.group(2)));
        }
        // "6pm", "6 p.m.", "21st", "the 1970s": digits that run into letters
        StartsOnlySearch attached = fromDigit(ATTACHED, lower, firstDigit);
        while (digits && attached.find()) {
            values.add(new BigDecimal(attached.group(1)));
        }
        if (lower.contains("noon")) {
            values.add(BigDecimal.valueOf(12));
        }
        if (lower.contains("midnight")) {
            values.add(BigDecimal.ZERO);
            values.add(BigDecimal.valueOf(24));
        }
        values.addAll(spelledOut(lower));
        // every decade's word ends in "ties": one search instead of eight when there is none
        for (int i = 2; i < DECADES.size() && lower.contains("ties"); i++) {
            if (lower.contains(DECADES.get(i))) {
                values.add(BigDecimal.valueOf(i * 10L));
            }
        }
        // "November" for the 11 of "(15/11)"; a month the source names in words ("Januari") is not a number.
        // The words are the runs of letters ([^\p{L}]+ splits), compared in place with the month names: most
        // paragraphs name no month, and then the source's words are not looked at at all
        int[] sourceMonths = null;
        int start = nextLetter(lower, 0);
        while (start < lower.length()) {
            int end = afterLetters(lower, start);
            int month = englishMonth(lower, start, end);
            if (month > 0) {
                if (sourceMonths == null) {
                    sourceMonths = indonesianMonths(source);
                }
                if (sourceMonths[month]-- <= 0) {
                    values.add(BigDecimal.valueOf(month));
                }
            }
            start = nextLetter(lower, end);
        }
        return values;
    }

    /** How often the source names each month in words (index 1-12). */
    private static int[] indonesianMonths(String source) {
        int[] months = new int[13];
        for (String word : NON_LETTERS.split(source.toLowerCase(Locale.ROOT))) {
            Integer month = IndonesianCalendar.month(word);
            if (month != null) {
                months[month]++;
            }
        }
        return months;
    }

    /** The month (1-12) whose English name is exactly {@code text[start, end)}, or 0. */
    private static int englishMonth(String text, int start, int end) {
        int length = end - start;
        // most words are no month's length or do not start as one: not compared with the twelve names
        if (length < 3 || length > 9 || "jfmasond".indexOf(text.charAt(start)) < 0) {
            return 0;
        }
        for (int i = 0; i < MONTHS.size(); i++) {
            String name = MONTHS.get(i);
            if (name.length() == length && text.startsWith(name, start)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Where the first letter ({@code \p{L}}) at or after {@code from} is; the text's length when none is. */
    private static int nextLetter(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int codePoint = LetterSplitter.codePointAt(text, i);
            if (LetterSplitter.isLetter(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /** Where the run of letters that starts at {@code from} ends. */
    private static int afterLetters(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int codePoint = LetterSplitter.codePointAt(text, i);
            if (!LetterSplitter.isLetter(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /**
     * Values written in words: each word's own value ("twelve", "first", "half") and the value of each run of
     * them ("six-thousand" = 6,000, "a hundred and twenty" = 120, "two million" = 2,000,000).
     */
    static List<BigDecimal> spelledOut(String lower) {
        List<BigDecimal> values = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal current = BigDecimal.ZERO;
        boolean inRun = false;
        // a run of one number word ("twelve") states its value once: counted twice it would stand for two facts
        boolean runOfOneWord = false;
        // after "point" inside a run: the place of the next decimal digit, else null
        BigDecimal decimalPlace = null;
        String previous = "";
        int previousEnd = 0;
        // the words are the matches of [a-z]+, found without the regex engine: each run of a-z, longest first
        int wordStart = nextAsciiLetter(lower, 0);
        while (wordStart < lower.length()) {
            int wordEnd = wordStart + 1;
            while (wordEnd < lower.length() && lower.charAt(wordEnd) >= 'a' && lower.charAt(wordEnd) <= 'z') {
                wordEnd++;
            }
            int start = wordStart;
            // a run of number words is joined by spaces and hyphens: "three-thousand) eleven" is two numbers
            boolean joined = onlySpacesAndHyphens(lower, previousEnd, wordStart);
            previousEnd = wordEnd;
            wordStart = nextAsciiLetter(lower, wordEnd);
            if (Arrays.binarySearch(HASHES_OF_WORDS_THAT_COUNT, LetterSplitter.hashOf(lower, start, wordEnd)) < 0) {
                // most words: none of the words below, so it ends a run as the last branch does, and "previous"
                // (compared only with "a", "and" and "one") need not hold it
                if (inRun && !runOfOneWord) {
                    values.add(total.add(current));
                }
                total = BigDecimal.ZERO;
                current = BigDecimal.ZERO;
                inRun = false;
                runOfOneWord = false;
                decimalPlace = null;
                previous = "";
                continue;
            }
            String word = lower.substring(start, wordEnd);
            if (inRun && !joined) {
                if (!runOfOneWord) {
                    values.add(total.add(current));
                }
                total = BigDecimal.ZERO;
                current = BigDecimal.ZERO;
                inRun = false;
                runOfOneWord = false;
                decimalPlace = null;
            }
            if (inRun && (word.equals("half") && (previous.equals("and") || previous.equals("a"))
                    || word.equals("a") && previous.equals("and"))) {
                // "one and a half", "one-and-half": the run's value and a half, which a scale after it multiplies
                // ("six-and-a-half-thousand" = 6,500)
                if (word.equals("half")) {
                    current = current.add(new BigDecimal("0.5"));
                    runOfOneWord = false;
                }
                previous = word;
                continue;
            }
            if (inRun && word.equals("point") && decimalPlace == null) {
                // "one-point-three-billion", "six point four": the digits after "point" are decimals
                decimalPlace = BigDecimal.ONE;
                previous = word;
                continue;
            }
            BigDecimal small = WORD_VALUES.get(word);
            if (decimalPlace != null) {
                if (small != null && small.compareTo(BigDecimal.TEN) < 0 && NUMBER_WORDS.contains(word)) {
                    decimalPlace = decimalPlace.movePointLeft(1);
                    current = current.add(small.multiply(decimalPlace));
                    runOfOneWord = false;
                    previous = word;
                    continue;
                }
                decimalPlace = null;
            }
            // "thousands"; and an ordinal of a scale ends a run as the scale does: "two-hundredth" is 200th, not 102
            BigDecimal scale = SCALES.get(word.endsWith("s") ? word.substring(0, word.length() - 1)
                    : word.endsWith("th") && SCALES.containsKey(word.substring(0, word.length() - 2))
                    ? word.substring(0, word.length() - 2) : word);
            if (scale != null && !word.equals("k") && !word.equals("m") && !word.equals("bn")
                    && (inRun || previous.equals("a") || previous.equals("one"))) {
                BigDecimal base = current.signum() == 0 ? BigDecimal.ONE : current;
                if (scale.compareTo(BigDecimal.valueOf(100)) == 0) {
                    current = base.multiply(scale);
                } else {
                    total = total.add(base.multiply(scale));
                    current = BigDecimal.ZERO;
                }
                runOfOneWord = false;
                inRun = true;
            } else if (small != null) {
                values.add(small);
                current = current.add(small);
                runOfOneWord = !inRun;
                inRun = true;
            } else if (word.equals("and") && inRun) {
                previous = word;
                continue;
            } else {
                if (inRun && !runOfOneWord) {
                    values.add(total.add(current));
                }
                total = BigDecimal.ZERO;
                current = BigDecimal.ZERO;
                inRun = false;
                runOfOneWord = false;
                List<BigDecimal> fraction = FRACTIONS.get(word);
                if (fraction != null) {
                    values.addAll(fraction);
                }
            }
            previous = word;
        }
        if (inRun && !runOfOneWord) {
            values.add(total.add(current));
        }
        return values;
    }

    /** Where the first of a-z at or after {@code from} is; the text's length when there is none. */
    private static int nextAsciiLetter(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) < 'a' || text.charAt(i) > 'z')) {
            i++;
        }
        return i;
    }

    /** Whether {@link #TIMES} can match: it needs its sign (searched from every character, with a look-behind). */
    private static boolean mayMultiply(String text) {
        return text.indexOf('x') >= 0 || text.indexOf('×') >= 0;
    }

    /**
     * The matches of one of the number patterns, tried only at the text's digits: every match of {@link #NUMBER},
     * {@link #DATE}, {@link #TIME}, {@link #CLOCK} and {@link #ATTACHED} starts at a digit ({@link #SHORT_DATE}'s at
     * the bracket right before one), so the rest of the text need not be tried character by character. Look-behinds
     * and {@code \b} still see the characters before each try; the patterns have no {@code ^} or {@code $}. A
     * {@code reset()} (as {@code replaceAll} needs) searches the whole text again.
     */
    private static StartsOnlySearch fromFirstDigit(Pattern pattern, String text) {
        return fromDigit(pattern, text, firstDigit(text));
    }

    /** As {@link #fromFirstDigit}, with the first digit's index known ({@code text.length()} for none). */
    private static StartsOnlySearch fromDigit(Pattern pattern, String text, int firstDigit) {
        return StartsOnlySearch.from(pattern, text, firstDigit, StartsOnlySearch.DIGIT);
    }

    /** The index of the text's first digit (0-9, as {@code \d}), or its length when it has none. */
    private static int firstDigit(String text) {
        int first = 0;
        while (first < text.length() && (text.charAt(first) < '0' || text.charAt(first) > '9')) {
            first++;
        }
        return first;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** What {@code text.substring(from, to).matches("[\\s-]*")} says, without a pattern compiled per word. */
    private static boolean onlySpacesAndHyphens(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // \s of java.util.regex: space, tab, line feed, vertical tab, form feed, carriage return
            if (c != '-' && c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int[] hashesOfWordsThatCount() {
        Set<String> words = new HashSet<>(WORD_VALUES.keySet());
        words.addAll(FRACTIONS.keySet());
        words.addAll(NUMBER_WORDS);
        for (String scale : SCALES.keySet()) {
            words.addAll(List.of(scale, scale + "s", scale + "th"));
        }
        words.addAll(List.of("a", "and", "half", "point", "one"));
        return words.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
    }

    private static Map<String, BigDecimal> wordValues() {
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        for (int i = 0; i < NUMBER_WORDS.size(); i++) {
            values.put(NUMBER_WORDS.get(i), BigDecimal.valueOf(i));
            values.put(ORDINALS.get(i), BigDecimal.valueOf(i));
        }
        for (int i = 2; i < TENS.size(); i++) {
            values.put(TENS.get(i), BigDecimal.valueOf(i * 10L));
            values.put(TENTHS.get(i), BigDecimal.valueOf(i * 10L));
        }
        values.put("nil", BigDecimal.ZERO);
        values.put("hundredth", BigDecimal.valueOf(100));
        values.put("thousandth", BigDecimal.valueOf(1000));
        return Map.copyOf(values);
    }

    private static List<BigDecimal> acceptable(BigDecimal value, String scaleWord) {
        if (scaleWord == null) {
            return List.of(value.stripTrailingZeros());
        }
        BigDecimal scale = SCALES.get(scaleWord.toLowerCase(Locale.ROOT));
        // "5 triliun" may stay "5 trillion" (value 5 with a scale) or become "5,000,000,000,000"
        return List.of(value.stripTrailingZeros(), value.multiply(scale).stripTrailingZeros());
    }

    /**
     * The facts the English does not state, each English value standing for one fact only: a source that says
     * 12 twice needs two twelves in the English, so a changed number cannot hide behind the same value nearby.
     */
    static List<Fact> missing(List<Fact> facts, List<BigDecimal> english) {
        List<BigDecimal> unused = new ArrayList<>(english);
        List<Fact> missing = new ArrayList<>();
        for (Fact fact : facts) {
            int match = -1;
            for (int i = 0; i < unused.size() && match < 0; i++) {
                for (BigDecimal candidate : fact.acceptable()) {
                    if (unused.get(i).compareTo(candidate) == 0) {
                        match = i;
                        break;
                    }
                }
            }
            if (match >= 0) {
                unused.remove(match);
            } else {
                missing.add(fact);
            }
        }
        return missing;
    }
}
