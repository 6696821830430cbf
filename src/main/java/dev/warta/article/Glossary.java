package dev.warta.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's fixed renderings of Indonesian terms (institutions, offices, titles), read from a UTF-8 TSV file:
 * {@code Indonesian term<TAB>English rendering}, one a line; lines starting with {@code #} and blank lines are
 * ignored. Both engines apply it: the model-backed one puts {@link #termsIn(String)} into its prompt, the offline
 * one substitutes the terms directly. Immutable, so safe to share between threads.
 */
public final class Glossary {

    private static final Glossary EMPTY = new Glossary(Map.of());

    private final Map<String, String> entries;
    /** Terms longest first, each with the pattern that finds it as a whole word or phrase. */
    private final List<Term> termsLongestFirst;

    /**
     * @param words          the term's runs of letters and digits, lower-cased: each must be a word of a text the
     *                       term occurs in, which is cheap to rule out before the pattern runs
     * @param startsWithWord the term begins with a letter or digit, so a match can only begin where one of the
     *                       text's words does: the pattern is tried there only, not at every character of the text
     */
    private record Term(String term, String english, Pattern pattern, List<String> words, boolean startsWithWord) {

        boolean occursIn(String text, Map<String, WordStarts> textWords) {
            for (String word : words) {
                if (!textWords.containsKey(word)) {
                    return false;
                }
            }
            Matcher matcher = pattern.matcher(text);
            if (!startsWithWord) {
                return matcher.find();
            }
            // transparent: the look-behind that keeps DPR out of DPR-RI still sees the character before the word
            matcher.useTransparentBounds(true);
            WordStarts starts = textWords.get(words.get(0));
            for (int i = 0; i < starts.count; i++) {
                if (matcher.region(starts.at[i], text.length()).lookingAt()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Where a word begins in a text, each time it occurs. */
    private static final class WordStarts {
        private int[] at = new int[2];
        private int count;

        void add(int start) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
            }
            at[count++] = start;
        }
    }

    private Glossary(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        List<Term> terms = new ArrayList<>();
        entries.forEach((term, english) -> {
            List<String> words = List.copyOf(words(term).keySet());
            terms.add(new Term(term, english, wholeWordPattern(term), words,
                    !words.isEmpty() && Character.isLetterOrDigit(term.charAt(0))));
        });
        terms.sort(Comparator.comparingInt((Term t) -> t.term().length()).reversed()
                .thenComparing(Term::term));
        this.termsLongestFirst = List.copyOf(terms);
    }

    /** A glossary with no entries. */
    public static Glossary empty() {
        return EMPTY;
    }

    /** A glossary of the given entries (term to English rendering), in that order. */
    public static Glossary of(Map<String, String> entries) {
        Objects.requireNonNull(entries, "entries");
        entries.forEach((term, english) -> {
            if (term == null || term.isBlank() || english == null || english.isBlank()) {
                throw new IllegalArgumentException("glossary entry with a blank side: '" + term + "' -> '" + english + "'");
            }
        });
        return new Glossary(entries);
    }

    /**
     * Reads a glossary file.
     *
     * @param file UTF-8 TSV, {@code term<TAB>english}; {@code #} comments and blank lines ignored
     * @throws IllegalArgumentException naming the file and line of a malformed line or a term given twice
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static Glossary load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glossary " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the starter glossary that ships with Warta sits on the class path (built from jobs/glossary.tsv). */
    public static final String STARTER = "/glossary/glossary.tsv";

    /**
     * The starter glossary that ships inside Warta: found wherever Warta is started from, unlike a path relative to
     * the working directory.
     */
    public static Glossary starter() {
        try (InputStream in = Glossary.class.getResourceAsStream(STARTER)) {
            if (in == null) {
                throw new IllegalStateException("the starter glossary " + STARTER + " is missing from this build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
                    "the starter glossary");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the starter glossary: " + e.getMessage(), e);
        }
    }

    private static Glossary parse(List<String> lines, String source) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripBom(lines.get(i), i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(source + " line " + (i + 1)
                        + ": expected 'Indonesian term<TAB>English rendering', got '" + line + "'");
            }
            String term = parts[0].strip();
            if (entries.putIfAbsent(term, parts[1].strip()) != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": term '" + term + "' given twice");
            }
        }
        return new Glossary(entries);
    }

    private static String stripBom(String line, int index) {
        return index == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** All entries, term to English rendering, in file order. */
    public Map<String, String> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The entries whose term occurs in the text as a whole word or phrase, longest term first. Acronyms (terms
     * written in capitals, such as {@code DPR}) must match case-sensitively, so that an ordinary word spelled the
     * same way does not pull them in; other terms match in any case.
     */
    public List<Map.Entry<String, String>> termsIn(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> found = new ArrayList<>();
        // The text's words, once; a term none of whose words is missing is the only one worth its regular
        // expression. Most of a glossary's terms are absent from any one article.
        Map<String, WordStarts> words = words(text);
        for (Term term : termsLongestFirst) {
            if (term.occursIn(text, words)) {
                found.add(Map.entry(term.term(), term.english()));
            }
        }
        return found;
    }

    /**
     * The runs of letters and digits of a text, lower-cased, in order of first occurrence, each with where it
     * begins. A whole-word match of a term begins and ends where no letter or digit continues it (the pattern's
     * {@code \w} holds every letter and digit), so each of the term's runs is one of the text's runs, and a term
     * that begins with a letter or digit begins where its first run does.
     */
    private static Map<String, WordStarts> words(String text) {
        Map<String, WordStarts> words = new LinkedHashMap<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.computeIfAbsent(folded(text, start, i), word -> new WordStarts()).add(start);
                start = -1;
            }
        }
        return words;
    }

    /**
     * The characters folded one by one as the case-insensitive pattern compares them (upper, then lower case), so
     * that a word the pattern would match is never ruled out here (the dotted İ, the long ſ).
     */
    private static String folded(String text, int start, int end) {
        char[] chars = new char[end - start];
        for (int i = start; i < end; i++) {
            chars[i - start] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(chars);
    }

    /** Whether a term is matched case-sensitively: it has no lower-case letter but at least two upper-case ones. */
    public static boolean isAcronym(String term) {
        long upper = term.codePoints().filter(Character::isUpperCase).count();
        return upper >= 2 && term.codePoints().noneMatch(Character::isLowerCase);
    }

    private static Pattern wholeWordPattern(String term) {
        String body = Pattern.quote(term).replace(" ", "\\E\\s+\\Q");
        int flags = Pattern.UNICODE_CHARACTER_CLASS | (isAcronym(term) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        // Letters, digits and hyphens continue a word (DPR-RI is a different term from DPR).
        return Pattern.compile("(?<![\\w-])" + body + "(?![\\w-])", flags);
    }
}
