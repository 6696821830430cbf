package dev.warta.faithfulness;

import dev.warta.text.LetterSplitter;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text that start with a lower-case letter, lower-cased: the set that tells a name ("Jakarta") from
 * a word the source also writes in lower case ("Menurut", "menurut"). The same answers as a {@code HashSet} of
 * {@code piece.toLowerCase(Locale.ROOT)} for each such piece, but a word made only of ASCII characters other than
 * capitals (nearly all of them) is not cut out of the text: it is kept as its bounds, under its hash, and compared
 * in place when looked up. Cutting out, lower-casing and hashing every word of every article was the largest part
 * of the name check's processor time.
 */
final class LowerCaseWords {

    private final String text;
    /** The words that are not plain lower-case ASCII, lower-cased as {@code String.toLowerCase(Locale.ROOT)} does. */
    private final Set<String> others = new HashSet<>();
    /** Open addressing, by hash: a slot holds a word's bounds ({@code end == 0}: empty) and its hash. */
    private int[] hashes;
    private int[] starts;
    private int[] ends;
    private int size;

    private LowerCaseWords(String text) {
        this.text = text;
        // room for a word in four characters without growing: most texts need no more
        int slots = Integer.highestOneBit(Math.max(64, text.length() / 4)) * 2;
        this.hashes = new int[slots];
        this.starts = new int[slots];
        this.ends = new int[slots];
    }

    /** The words of {@code text} as {@code splitter} cuts it, those whose first character is lower case. */
    static LowerCaseWords of(String text, LetterSplitter splitter) {
        LowerCaseWords words = new LowerCaseWords(text);
        splitter.forEachPiece(text, (start, end) -> {
            if (Character.isLowerCase(text.charAt(start))) {
                words.add(start, end);
            }
        });
        return words;
    }

    boolean contains(String word) {
        if (others.contains(word)) {
            return true;
        }
        int mask = hashes.length - 1;
        int hash = word.hashCode();
        for (int slot = spread(hash) & mask; ends[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && ends[slot] - starts[slot] == word.length()
                    && text.startsWith(word, starts[slot])) {
                return true;
            }
        }
        return false;
    }

    private void add(int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                // lower-casing may change it: kept as the set of strings would keep it
                others.add(text.substring(start, end).toLowerCase(Locale.ROOT));
                return;
            }
            hash = 31 * hash + c;
        }
        // the word is its own lower case, and its hash is the hash of that string
        int mask = hashes.length - 1;
        int slot = spread(hash) & mask;
        for (; ends[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && ends[slot] - starts[slot] == end - start
                    && text.regionMatches(starts[slot], text, start, end - start)) {
                return;
            }
        }
        hashes[slot] = hash;
        starts[slot] = start;
        ends[slot] = end;
        if (++size * 2 > hashes.length) {
            grow();
        }
    }

    private void grow() {
        int[] oldHashes = hashes;
        int[] oldStarts = starts;
        int[] oldEnds = ends;
        hashes = new int[oldHashes.length * 2];
        starts = new int[hashes.length];
        ends = new int[hashes.length];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldEnds[i] != 0) {
                int slot = spread(oldHashes[i]) & mask;
                while (ends[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                starts[slot] = oldStarts[i];
                ends[slot] = oldEnds[i];
            }
        }
    }

    /** The hash's high bits mixed into its low ones, which pick the slot. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
