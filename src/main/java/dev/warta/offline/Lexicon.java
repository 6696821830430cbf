package dev.warta.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Indonesian → English word and phrase list: lemmas and some derived forms with one English rendering each, plus
 * stems known to exist in Indonesian but without a rendering (they stop the morphology from stripping too far).
 * Built by {@code src/lexicon/build_lexicon.py} into two resources: {@code lexicon.tsv.gz} (FreeDict and own entries,
 * CC-BY-SA-3.0) and {@code stems.txt.gz} (hunspell-id stems, LGPL-3). Immutable once loaded, so one instance serves
 * every thread.
 */
public final class Lexicon {

    static final String RESOURCE = "/offline/lexicon.tsv.gz";
    static final String STEMS_RESOURCE = "/offline/stems.txt.gz";
    private static final Entry KNOWN_STEM = new Entry("", "");

    /** One lexicon entry: the English rendering (empty for a known stem without one) and a coarse part of speech. */
    public record Entry(String english, String pos) {
        public boolean translated() {
            return !english.isEmpty();
        }

        public boolean isNoun() {
            return pos.equals("n");
        }

        public boolean isAdjective() {
            return pos.equals("adj");
        }

        public boolean isVerb() {
            return pos.equals("v");
        }

        public boolean isPlace() {
            return pos.equals("pn");
        }
    }

    private final Map<String, Entry> words;
    private final Map<String, Entry> phrases;
    private final int longestPhrase;
    /** The English renderings' words, built on first use (a benign race: each thread builds the same set). */
    private volatile java.util.Set<String> englishWords;

    private Lexicon(Map<String, Entry> words, Map<String, Entry> phrases) {
        this.words = words;
        this.phrases = phrases;
        this.longestPhrase = phrases.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
    }

    /** The lexicon shipped with Warta, loaded on first use. */
    public static Lexicon bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final Lexicon INSTANCE = load();

        private static Lexicon load() {
            try (BufferedReader lexicon = open(RESOURCE); BufferedReader stems = open(STEMS_RESOURCE)) {
                return parse(lexicon, stems);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled lexicon: " + e.getMessage(), e);
            }
        }

        private static BufferedReader open(String resource) throws IOException {
            InputStream stream = Lexicon.class.getResourceAsStream(resource);
            if (stream == null) {
                throw new IllegalStateException("lexicon resource " + resource + " missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(new GZIPInputStream(stream), StandardCharsets.UTF_8));
        }
    }

    static Lexicon parse(BufferedReader reader, BufferedReader stems) throws IOException {
        Map<String, Entry> words = new HashMap<>(64_000);
        Map<String, Entry> phrases = new HashMap<>(4_000);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String[] parts = line.split("\t", -1);
            if (parts.length < 3) {
                throw new IllegalStateException("lexicon line " + number + " malformed: '" + line + "'");
            }
            // intern(): part-of-speech strings repeat tens of thousands of times.
            Entry entry = new Entry(parts[1], parts.length > 3 ? parts[3].intern() : "");
            (parts[0].indexOf(' ') >= 0 ? phrases : words).put(parts[0], entry);
        }
        while ((line = stems.readLine()) != null) {
            if (!line.isEmpty()) {
                words.putIfAbsent(line, KNOWN_STEM);
            }
        }
        return new Lexicon(words, phrases);
    }

    /**
     * A lexicon from explicit entries, for tests and tools: keys are lower-case Indonesian words or phrases, values
     * {@code english} or {@code english|pos}; an empty English side marks a known stem without a rendering.
     */
    public static Lexicon of(Map<String, String> entries) {
        Objects.requireNonNull(entries, "entries");
        Map<String, Entry> words = new HashMap<>();
        Map<String, Entry> phrases = new HashMap<>();
        entries.forEach((key, value) -> {
            int bar = value.indexOf('|');
            Entry entry = bar < 0 ? new Entry(value, "") : new Entry(value.substring(0, bar), value.substring(bar + 1));
            (key.indexOf(' ') >= 0 ? phrases : words).put(key, entry);
        });
        return new Lexicon(words, phrases);
    }

    /** The entry for a lower-case word, or {@code null}. */
    public Entry word(String lowerCaseWord) {
        return words.get(lowerCaseWord);
    }

    /** The entry for a lower-case phrase of words separated by single spaces, or {@code null}. */
    public Entry phrase(String lowerCasePhrase) {
        return phrases.get(lowerCasePhrase);
    }

    /** Number of words in the longest phrase entry. */
    public int longestPhrase() {
        return longestPhrase;
    }

    /** Number of single-word entries with an English rendering. */
    public long translatedWords() {
        return words.values().stream().filter(Entry::translated).count();
    }

    /**
     * Whether a lower-case word occurs in any English rendering of the lexicon ("department", "head", "sunday"):
     * an English word of the vocabulary, not a name.
     */
    public boolean isEnglishWord(String lowerCaseWord) {
        java.util.Set<String> vocabulary = englishWords;
        if (vocabulary == null) {
            vocabulary = new java.util.HashSet<>();
            for (Map<String, Entry> entries : java.util.List.of(words, phrases)) {
                for (Entry entry : entries.values()) {
                    for (String word : entry.english().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
                        if (!word.isEmpty()) {
                            vocabulary.add(word);
                        }
                    }
                }
            }
            englishWords = vocabulary;
        }
        return vocabulary.contains(lowerCaseWord);
    }

    /** Number of multi-word entries (rumah sakit, luar negeri) with an English rendering. */
    public long translatedPhrases() {
        return phrases.values().stream().filter(Entry::translated).count();
    }

    public int size() {
        return words.size() + phrases.size();
    }
}
