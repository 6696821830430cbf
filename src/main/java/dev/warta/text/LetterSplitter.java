package dev.warta.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into its runs of letters (and of the few other characters a caller counts as part of a word), the
 * same pieces as {@code Pattern.compile("[^\\p{L}…]+").split(text)} gives, without the regular-expression engine.
 * The checks split every source and translated paragraph into words several times; with the regex engine that was
 * an eighth of the processor time of the threads that check articles.
 *
 * <p>As {@link java.util.regex.Pattern#split(CharSequence)}: a text that starts with a separator gives a leading
 * empty string, trailing empty strings are dropped, a text without a separator is returned whole (so {@code ""}
 * gives {@code [""]}, and a text of separators only gives an empty array). Letters are code points for which
 * {@link Character#isLetter(int)} holds, as {@code \p{L}} is. Immutable, so safe to share between threads.
 */
public final class LetterSplitter {

    private static final String[] NOTHING = new String[0];

    private final String alsoInWords;
    /** {@link #inWord} of each ASCII character, looked up: most characters are ASCII. */
    private final boolean[] asciiInWord = new boolean[128];

    private LetterSplitter(String alsoInWords) {
        this.alsoInWords = alsoInWords;
        for (char c = 0; c < 128; c++) {
            asciiInWord[c] = inWord(c);
        }
    }

    /** Splits at each run of characters that are not letters: {@code [^\p{L}]+}. */
    public static LetterSplitter atNonLetters() {
        return new LetterSplitter("");
    }

    /**
     * Splits at each run of characters that are neither letters nor one of {@code alsoInWords}
     * (characters of the Basic Multilingual Plane): {@code [^\p{L}'’-]+} is {@code atNonLettersBut("'’-")}.
     */
    public static LetterSplitter atNonLettersBut(String alsoInWords) {
        return new LetterSplitter(alsoInWords);
    }

    public String[] split(String text) {
        List<String> pieces = null;
        int pieceStart = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            int codePoint = codePointAt(text, i);
            if (inWord(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int separatorStart = i;
            while (i < length && !inWord(codePoint = codePointAt(text, i))) {
                i += Character.charCount(codePoint);
            }
            if (pieces == null) {
                pieces = new ArrayList<>();
            }
            pieces.add(text.substring(pieceStart, separatorStart));
            pieceStart = i;
        }
        if (pieces == null) {
            return new String[] {text};
        }
        if (pieceStart < length) {
            pieces.add(text.substring(pieceStart));
        }
        int kept = pieces.size();
        while (kept > 0 && pieces.get(kept - 1).isEmpty()) {
            kept--;
        }
        return kept == 0 ? NOTHING : pieces.subList(0, kept).toArray(NOTHING);
    }

    /** Where a piece of a text begins and ends. */
    @FunctionalInterface
    public interface Piece {
        void at(int start, int end);
    }

    /**
     * Each piece that {@link #split} gives and that is not empty, in order, by its bounds in the text, without
     * cutting it out: for callers that look at a few of a text's words (the lower-case ones, the long ones) and
     * would otherwise make a string of every word.
     */
    public void forEachPiece(String text, Piece piece) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            int start = i;
            i = afterRun(text, i, true);
            if (i > start) {
                piece.at(start, i);
            }
            i = afterRun(text, i, false);
        }
    }

    /** Where the run of characters from {@code from} that are in words ({@code inWords}) or not ends. */
    private int afterRun(String text, int from, boolean inWords) {
        int length = text.length();
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (c < 128) {
                // the common case without a code point or a search of alsoInWords
                if (asciiInWord[c] != inWords) {
                    break;
                }
                i++;
            } else {
                int codePoint = codePointAt(text, i);
                if (inWord(codePoint) != inWords) {
                    break;
                }
                i += Character.charCount(codePoint);
            }
        }
        return i;
    }

    private boolean inWord(int codePoint) {
        return isLetter(codePoint) || (!alsoInWords.isEmpty() && alsoInWords.indexOf(codePoint) >= 0);
    }

    /**
     * {@link String#codePointAt}, with the common case (a character that is not half of a surrogate pair) read as
     * a plain {@code charAt}: the letter loops of the checks and the language detector call it for every character
     * of every text (measured only together with the other changes of its commit, not on its own).
     */
    public static int codePointAt(String text, int index) {
        char c = text.charAt(index);
        return Character.isSurrogate(c) ? text.codePointAt(index) : c;
    }

    /**
     * {@code text.substring(start, end).hashCode()}, without the copy: a piece whose hash is none of a few known
     * words' hashes is none of those words, and need not be cut out to be looked up.
     */
    public static int hashOf(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    /** {@code \p{L}}, with the answer for ASCII worked out here rather than looked up: most characters are ASCII. */
    public static boolean isLetter(int codePoint) {
        if (codePoint < 128) {
            int lower = codePoint | 0x20;
            return lower >= 'a' && lower <= 'z';
        }
        return Character.isLetter(codePoint);
    }
}
