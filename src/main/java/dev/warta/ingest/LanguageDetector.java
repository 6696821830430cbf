package dev.warta.ingest;

import dev.warta.text.LetterSplitter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which language a news text is in from its function words. No dependency, no model: function words are the
 * most frequent tokens of any text, and the five languages Warta meets share few of them.
 *
 * <p>Indonesian and Malay share most function words, so the decision is made in two steps: first the family
 * (Malay–Indonesian, English, Javanese, Sundanese), then Indonesian against Malay from the spellings that differ
 * ({@code karena}/{@code kerana}, {@code bahwa}/{@code bahawa}, {@code pemerintah}/{@code kerajaan}).
 */
public final class LanguageDetector {

    /** A language and how sure the detector is of it. */
    public record Detected(String language, double confidence) {
    }

    private static final Set<String> ENGLISH = Set.of(
            "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by", "it", "said", "from",
            "at", "be", "has", "have", "are", "were", "which", "this", "an", "will", "not", "but", "its", "their",
            "they", "he", "she", "who", "been", "had", "after", "would", "also", "there", "than", "more", "about",
            "or", "his", "her", "we", "our", "into", "over", "can", "should", "could", "these", "those", "while",
            "year", "years", "new", "first", "last", "up", "out", "all", "when", "what", "if", "so", "says", "did");

    /** Function words Indonesian and Malay share. */
    private static final Set<String> MALAY_INDONESIAN = Set.of(
            "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "dalam", "tidak", "akan",
            "juga", "telah", "ada", "oleh", "kepada", "sebagai", "atau", "mereka", "kami", "kita", "ia", "dia",
            "saya", "lebih", "para", "karena", "bahwa", "sudah", "bisa", "dapat", "tersebut", "adalah", "namun",
            "agar", "serta", "hingga", "sejak", "masih", "setelah", "antara", "tetapi", "tahun", "kata", "menurut",
            "bagi", "secara", "jika", "saat", "hanya", "belum", "lagi", "pun", "ujar", "katanya", "yakni", "bahawa",
            "kerana", "selepas", "daripada", "iaitu", "turut", "boleh", "beliau", "sahaja", "semasa", "manakala");

    /** Spellings and words that are Indonesian rather than Malay. */
    private static final Set<String> INDONESIAN_ONLY = Set.of(
            "karena", "bahwa", "setelah", "tersebut", "pemerintah", "uang", "bisa", "saja", "maupun", "yaitu",
            "meskipun", "agar", "polisi", "bagian", "sementara", "ujar", "kabupaten", "presiden", "sedangkan",
            "menurutnya", "terhadap", "nggak", "kemudian", "usai", "rp", "sekitar", "dilakukan");

    /** Spellings and words that are Malay rather than Indonesian. */
    private static final Set<String> MALAY_ONLY = Set.of(
            "kerana", "bahawa", "selepas", "kerajaan", "wang", "sahaja", "mahupun", "iaitu", "polis",
            "bahagian", "manakala", "semasa", "menerusi", "sekiranya", "kenyataan", "rm",
            "ringgit", "dakwa", "susulan", "berkata");

    private static final Set<String> JAVANESE = Set.of(
            "lan", "ing", "karo", "sing", "ora", "iki", "kuwi", "wis", "uga", "saka", "marang", "kanggo", "dening",
            "nanging", "kang", "punika", "ingkang", "dados", "wonten", "sampun", "boten", "mboten", "kula", "ana",
            "arep", "saiki", "amarga", "nalika", "utawa", "menawa", "yaiku", "yen", "banjur", "isih", "dheweke",
            "kabeh", "akeh", "luwih", "mung", "ndhisik", "sawise", "ngendikan", "jroning");

    private static final Set<String> SUNDANESE = Set.of(
            "anu", "teu", "jeung", "ka", "ti", "dina", "kana", "ku", "nu", "éta", "eta", "ieu", "geus", "keur",
            "sanés", "sanes", "sareng", "ogé", "oge", "pikeun", "tina", "kitu", "deui", "henteu", "moal", "urang",
            "maranéhna", "maranehna", "nyaéta", "nyaeta", "kudu", "waé", "wae", "mah", "téh", "sok", "pisan",
            "tos", "parantos", "nyarios", "saurna", "nepi", "sabab", "lamun", "bari", "atawa");

    private static final Map<String, Set<String>> FAMILIES = Map.of(
            "ms-id", MALAY_INDONESIAN, "en", ENGLISH, "jv", JAVANESE, "su", SUNDANESE);

    /**
     * What each known word counts for, found with one look-up instead of six set probes per word of the text (the
     * checks detect the language of every translated paragraph): its families, in {@link #FAMILIES}' order, and
     * whether it is Indonesian-only or Malay-only.
     */
    private record Evidence(List<String> families, boolean indonesianOnly, boolean malayOnly) {
    }

    private static final Map<String, Evidence> EVIDENCE = evidence();
    private static final int LONGEST_KNOWN_WORD = EVIDENCE.keySet().stream().mapToInt(String::length).max().orElse(0);
    private static final int[] KNOWN_WORD_HASHES = EVIDENCE.keySet().stream().mapToInt(String::hashCode).sorted()
            .toArray();

    private static Map<String, Evidence> evidence() {
        Set<String> words = new java.util.HashSet<>(INDONESIAN_ONLY);
        words.addAll(MALAY_ONLY);
        FAMILIES.values().forEach(words::addAll);
        Map<String, Evidence> evidence = new HashMap<>();
        for (String word : words) {
            List<String> families = FAMILIES.entrySet().stream()
                    .filter(family -> family.getValue().contains(word)).map(Map.Entry::getKey).toList();
            evidence.put(word, new Evidence(families, INDONESIAN_ONLY.contains(word), MALAY_ONLY.contains(word)));
        }
        return Map.copyOf(evidence);
    }

    /** Word shapes for texts too short to hold function words (headlines): English and Indonesian affixes. */
    private static final Pattern ENGLISH_SHAPE = Pattern.compile("[a-z]{3,}(?:ed|ing|tion|tions|ly|ies|ers)|[a-z]+['’]s");
    private static final Pattern INDONESIAN_SHAPE = Pattern.compile(
            "(?:me[mnr]?|meng|meny|ber|di|ter|pe[mnr]?|peng|ke)[a-z]{3,}|[a-z]{3,}(?:kan|nya|lah|an)");

    /**
     * The words of a text: runs of letters, with one inner apostrophe ({@code don't}, {@code Ma’ruf}); the matches of
     * {@code [\p{L}]+(?:[’'][\p{L}]+)?}, found without the regex engine (the checks detect the language of every
     * translated paragraph, and the engine's character-by-character matching was most of that time).
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = nextWordStart(text, 0);
        while (start < text.length()) {
            int end = wordEnd(text, start);
            words.add(text.substring(start, end));
            start = nextWordStart(text, end);
        }
        return words;
    }

    /** Where the first word at or after {@code from} begins; the text's length when there is none. */
    private static int nextWordStart(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int codePoint = LetterSplitter.codePointAt(text, i);
            if (isLetter(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /** Where the word that begins at {@code start} ends, past one inner apostrophe. */
    private static int wordEnd(String text, int start) {
        int i = afterLetters(text, start);
        if (i + 1 < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '’')
                && isLetter(text.codePointAt(i + 1))) {
            i = afterLetters(text, i + 1);
        }
        return i;
    }

    private static int afterLetters(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int codePoint = LetterSplitter.codePointAt(text, i);
            if (!isLetter(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /** {@code \p{L}}, with the answer for ASCII worked out here rather than looked up: most characters are ASCII. */
    private static boolean isLetter(int codePoint) {
        if (codePoint < 128) {
            int lower = codePoint | 0x20;
            return lower >= 'a' && lower <= 'z';
        }
        return Character.isLetter(codePoint);
    }

    /**
     * Detects the language of a text.
     *
     * @param text title and body; longer texts give surer answers
     * @return ISO 639-1 code ({@code id}, {@code en}, {@code ms}, {@code jv}, {@code su}) and a confidence 0–1;
     *         a text without any known function word is reported as {@code id} (what Warta mostly reads) with
     *         confidence 0
     */
    public Detected detect(String text) {
        return detect(tally(text));
    }

    /**
     * The function words of a text, counted: what {@link #detect(Tally)} decides from. No word runs over a line
     * break, so the tallies of several texts add up ({@link Tally#joined}) to the tally of the texts joined with
     * line breaks: the checks count each translated paragraph once and judge the paragraphs and the whole text
     * from the same counts, instead of reading every word twice.
     */
    public Tally tally(String text) {
        Map<String, Integer> hits = new HashMap<>();
        int idOnly = 0;
        int msOnly = 0;
        int tokens = 0;
        String lower = text.toLowerCase(Locale.ROOT);
        int start = nextWordStart(lower, 0);
        while (start < lower.length()) {
            int end = wordEnd(lower, start);
            tokens++;
            // a word longer than every known one (ten letters), or whose hash is none of theirs, need not be cut out
            // and looked up
            Evidence known = end - start > LONGEST_KNOWN_WORD
                    || Arrays.binarySearch(KNOWN_WORD_HASHES, LetterSplitter.hashOf(lower, start, end)) < 0
                    ? null : EVIDENCE.get(lower.substring(start, end));
            start = nextWordStart(lower, end);
            if (known == null) {
                continue;
            }
            for (String family : known.families()) {
                hits.merge(family, 1, Integer::sum);
            }
            if (known.indonesianOnly()) {
                idOnly++;
            }
            if (known.malayOnly()) {
                msOnly++;
            }
        }
        return new Tally(List.of(text), hits, idOnly, msOnly, tokens);
    }

    /**
     * A text's function words by family, its Indonesian-only and Malay-only words and its number of words; the
     * texts are kept for the guess from word shapes, which a text without any function word needs.
     */
    public record Tally(List<String> texts, Map<String, Integer> hits, int indonesianOnly, int malayOnly,
                        int tokens) {

        public Tally {
            texts = List.copyOf(texts);
            // ties between families are broken by a HashMap's order, as when the counts were made in one: filled
            // one entry at a time it has its default 16 buckets, in which the four families' names fall in four
            // different ones, so the order does not depend on which family was met first (a map sized by copying,
            // or Map.copyOf's, would order them otherwise)
            Map<String, Integer> ordered = new HashMap<>();
            hits.forEach(ordered::put);
            hits = Collections.unmodifiableMap(ordered);
        }

        /** The tally of the texts of {@code parts} joined with line breaks. */
        public static Tally joined(List<Tally> parts) {
            List<String> texts = new ArrayList<>();
            Map<String, Integer> hits = new HashMap<>();
            int idOnly = 0;
            int msOnly = 0;
            int tokens = 0;
            for (Tally part : parts) {
                texts.add(String.join("\n", part.texts()));
                part.hits().forEach((family, count) -> hits.merge(family, count, Integer::sum));
                idOnly += part.indonesianOnly();
                msOnly += part.malayOnly();
                tokens += part.tokens();
            }
            return new Tally(texts, hits, idOnly, msOnly, tokens);
        }
    }

    /** The language of the text(s) a tally counted: the same answer as {@link #detect(String)} on the text. */
    public Detected detect(Tally tally) {
        if (tally.tokens() == 0) {
            return new Detected("id", 0.0);
        }
        List<Map.Entry<String, Integer>> ranked = tally.hits().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
        if (ranked.isEmpty()) {
            return byWordShapes(String.join("\n", tally.texts()).toLowerCase(Locale.ROOT));
        }
        int idOnly = tally.indonesianOnly();
        int msOnly = tally.malayOnly();
        double best = ranked.get(0).getValue();
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        // margin over the runner-up, damped for short texts where a handful of words decide
        double margin = (best - second) / best;
        double evidence = Math.min(1.0, best / 8.0);
        double familyConfidence = margin * evidence;
        String family = ranked.get(0).getKey();
        if (!family.equals("ms-id")) {
            return new Detected(family, round(familyConfidence));
        }
        if (idOnly + msOnly == 0) {
            return new Detected("id", round(familyConfidence * 0.8));
        }
        double indonesianShare = (idOnly + 0.5) / (idOnly + msOnly + 1.0);
        String language = indonesianShare >= 0.5 ? "id" : "ms";
        double share = Math.max(indonesianShare, 1 - indonesianShare);
        return new Detected(language, round(familyConfidence * share));
    }

    /** A weak guess from affixes, for headlines without a single function word; never above 0.3. */
    private static Detected byWordShapes(String text) {
        int english = 0;
        int indonesian = 0;
        for (String word : words(text)) {
            if (ENGLISH_SHAPE.matcher(word).matches()) {
                english++;
            } else if (INDONESIAN_SHAPE.matcher(word).matches()) {
                indonesian++;
            }
        }
        if (english == indonesian) {
            return new Detected("id", 0.0);
        }
        double margin = Math.abs(english - indonesian) / (double) Math.max(english, indonesian);
        return new Detected(english > indonesian ? "en" : "id", round(0.3 * margin));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
