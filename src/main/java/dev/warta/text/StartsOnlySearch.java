package dev.warta.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of a pattern, the same as {@link Matcher#find()} gives one after another, tried only at the positions
 * where a match can start (a digit, a capital): {@code find()} tries the pattern at every character of the text,
 * and for the checks' patterns, whose matches start at a few characters in a hundred, that was most of their
 * processor time under the job's C1-only JIT.
 *
 * <p>At each such position the pattern is tried as {@code find()} tries it there: with {@link Matcher#lookingAt()}
 * on a region from that position to the end, whose bounds are transparent (look-behinds and {@code \b} see the
 * text before it) and not anchoring. So the caller's test must hold at the start of every possible match, and the
 * pattern must not use {@code ^}, {@code $} or {@code \G}. Not safe to share between
 * threads, as a matcher is not.
 */
public final class StartsOnlySearch {

    /** Whether a match may start at {@code text[index]}. */
    @FunctionalInterface
    public interface PossibleStart {
        boolean at(String text, int index);
    }

    /** A match of the number patterns starts at a digit ({@code \d}, 0-9). */
    public static final PossibleStart DIGIT = (text, index) -> {
        char c = text.charAt(index);
        return c >= '0' && c <= '9';
    };

    /** A match of a pattern that opens with {@code \p{Lu}} starts at an upper-case letter. */
    public static final PossibleStart UPPER_CASE_LETTER = (text, index) -> {
        char c = text.charAt(index);
        if (c < 128) {
            return c >= 'A' && c <= 'Z';
        }
        return Character.getType(text.codePointAt(index)) == Character.UPPERCASE_LETTER;
    };

    private final Pattern pattern;
    /** Made at the first possible start: most texts have none (no digit, say) and need no matcher. */
    private Matcher matcher;
    private final String text;
    private final PossibleStart possibleStart;
    private int from;

    private StartsOnlySearch(Pattern pattern, String text, int from, PossibleStart possibleStart) {
        this.pattern = pattern;
        this.text = text;
        this.possibleStart = possibleStart;
        this.from = from;
    }

    /** The matches of {@code pattern} in {@code text}, each starting where {@code possibleStart} holds. */
    public static StartsOnlySearch of(Pattern pattern, String text, PossibleStart possibleStart) {
        return new StartsOnlySearch(pattern, text, 0, possibleStart);
    }

    /** As {@link #of}, for matches that start at {@code from} or later (no earlier one can). */
    public static StartsOnlySearch from(Pattern pattern, String text, int from, PossibleStart possibleStart) {
        return new StartsOnlySearch(pattern, text, from, possibleStart);
    }

    /** The next match, as {@link Matcher#find()}: whether there is one; its groups are then this object's. */
    public boolean find() {
        int length = text.length();
        for (int i = from; i < length; i++) {
            if (possibleStart.at(text, i) && matcher().region(i, length).lookingAt()) {
                // after an empty match the next search starts one further on, as find()'s does
                from = matcher.end() > i ? matcher.end() : i + 1;
                return true;
            }
        }
        from = length;
        return false;
    }

    public String group() {
        return matcher.group();
    }

    public String group(int group) {
        return matcher.group(group);
    }

    public int start() {
        return matcher.start();
    }

    public int end() {
        return matcher.end();
    }

    /** The matcher, reset to the whole text: for {@code replaceAll} after the matches were read. */
    public Matcher reset() {
        return matcher().reset();
    }

    private Matcher matcher() {
        if (matcher == null) {
            matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        return matcher;
    }
}
