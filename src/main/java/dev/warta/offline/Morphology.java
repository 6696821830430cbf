package dev.warta.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Indonesian word analysis for a gist: finds the lexicon lemma inside an inflected or derived word by stripping
 * particles ({@code -lah -kah -pun}), possessives ({@code -nya -ku -mu}), suffixes ({@code -kan -i -an}), prefixes
 * ({@code meN- ber- di- ter- peN- per- ke- se-} with meN-/peN- sound changes undone) and by reading reduplication
 * ({@code anak-anak}, {@code berlari-lari}). Every candidate stem is checked against the lexicon, so a word is only
 * taken apart when the remaining stem is a known word with a rendering; otherwise it stays unknown and is kept as
 * written. Stateless apart from the immutable lexicon: safe for concurrent use.
 */
public final class Morphology {

    private static final String[] PARTICLES = {"", "lah", "kah", "pun", "tah"};
    private static final String[] POSSESSIVES = {"", "nya", "ku", "mu"};
    private static final String[] SUFFIXES = {"", "kan", "i", "an"};
    private static final int MIN_STEM = 3;

    /**
     * What a word turned out to be.
     *
     * @param lemma       the lexicon word found (the word itself when it is listed as it is)
     * @param entry       its lexicon entry, with the English rendering
     * @param prefix      derivational prefix stripped ({@code "di"}, {@code "ter"}, {@code "meN"}, {@code "peN"}, …), or ""
     * @param suffix      derivational suffix stripped ({@code "kan"}, {@code "i"}, {@code "an"}), or ""
     * @param possessive  possessive clitic stripped ({@code "nya"}, {@code "ku"}, {@code "mu"}), or ""
     * @param reduplicated whether the word was a full reduplication ({@code anak-anak}): a plural for nouns
     */
    public record Analysis(String lemma, Lexicon.Entry entry, String prefix, String suffix, String possessive,
                           boolean reduplicated) {

        /** {@code di-} verbs, whether stripped here or listed as such in the lexicon ({@code ditangkap}). */
        public boolean passive() {
            return prefix.equals("di") && (entry.isVerb() || entry.pos().isEmpty())
                    || prefix.isEmpty() && lemma.startsWith("di") && entry.isVerb();
        }

        /** {@code ter-} on an adjective: {@code terbesar} → largest. */
        public boolean superlative() {
            return prefix.equals("ter") && suffix.isEmpty() && entry.isAdjective();
        }

        /** {@code peN-} on a verb with no suffix: {@code penulis} → writer. */
        public boolean agent() {
            return prefix.equals("peN") && suffix.isEmpty() && entry.isVerb()
                    && entry.english().indexOf(' ') < 0 && !entry.english().endsWith("er");
        }

        /** The English for the word on its own, inflected as far as the affixes say reliably. */
        public String english() {
            String english = entry.english();
            if (superlative()) {
                return English.superlative(english);
            }
            if (agent()) {
                return english.endsWith("e") ? english + "r" : english + "er";
            }
            if (passive() && prefix.equals("di")) {
                return English.pastParticiple(english);
            }
            if (reduplicated && (entry.isNoun() || entry.pos().isEmpty()) && !English.looksPlural(english)) {
                return English.plural(english);
            }
            return english;
        }

        Analysis withReduplication() {
            return new Analysis(lemma, entry, prefix, suffix, possessive, true);
        }

        Analysis withPossessive(String clitic) {
            return new Analysis(lemma, entry, prefix, suffix, clitic, reduplicated);
        }
    }

    private record Candidate(String stem, String prefix, String suffix, String possessive) {
    }

    private final Lexicon lexicon;

    public Morphology(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /**
     * Analyses one lower-case word.
     *
     * @return the analysis, or {@code null} when no lexicon lemma with an English rendering was found
     */
    public Analysis analyse(String word) {
        Objects.requireNonNull(word, "word");
        Lexicon.Entry direct = lexicon.word(word);
        if (direct != null && direct.translated()) {
            return new Analysis(word, direct, "", "", "", false);
        }
        int hyphen = word.indexOf('-');
        if (hyphen > 0 && hyphen < word.length() - 1) {
            return analyseReduplication(word.substring(0, hyphen), word.substring(hyphen + 1));
        }
        // A stem hunspell knows but we cannot render is a word in its own right: taking it apart would mistranslate.
        boolean knownStem = direct != null;
        for (Candidate candidate : candidates(word, knownStem)) {
            Lexicon.Entry entry = lexicon.word(candidate.stem());
            if (entry != null && entry.translated() && (candidate.prefix().isEmpty() || derivable(entry))) {
                return new Analysis(candidate.stem(), entry, candidate.prefix(), candidate.suffix(),
                        candidate.possessive(), false);
            }
        }
        return null;
    }

    /** Function words take no derivational prefix: "dibagi" is not a passive of "bagi" (for). */
    private static boolean derivable(Lexicon.Entry entry) {
        return switch (entry.pos()) {
            case "prep", "conj", "pron", "det", "num", "intj", "part" -> false;
            default -> true;
        };
    }

    private Analysis analyseReduplication(String left, String right) {
        if (right.equals(left)) {
            Analysis base = analyse(left);
            return base == null ? null : base.withReduplication();
        }
        if (right.startsWith(left)) {
            // anak-anaknya: the reduplicated word carries the clitic.
            String clitic = right.substring(left.length());
            Analysis base = analyse(left);
            if (base != null && List.of("nya", "ku", "mu", "lah", "kah", "an").contains(clitic)) {
                return clitic.equals("an") || clitic.equals("lah") || clitic.equals("kah")
                        ? base.withReduplication() : base.withReduplication().withPossessive(clitic);
            }
        }
        if (left.endsWith(right) || right.length() >= MIN_STEM) {
            // berlari-lari, sayur-mayur, bolak-balik: the first half carries the meaning.
            Analysis base = analyse(left);
            if (base != null) {
                return base;
            }
            return analyse(right);
        }
        return null;
    }

    /**
     * Candidate stems, cheapest reading first: fewer and lighter affixes before more, so a real lemma that needs
     * little stripping wins over an accidental one deep inside the word ({@code diberikan} is di-beri-kan, not
     * di-ber-ikan).
     */
    private List<Candidate> candidates(String word, boolean knownStem) {
        List<Candidate> out = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        for (String particle : PARTICLES) {
            if (!word.endsWith(particle)) {
                continue;
            }
            String w1 = word.substring(0, word.length() - particle.length());
            for (String possessive : POSSESSIVES) {
                if (!w1.endsWith(possessive)) {
                    continue;
                }
                String w2 = w1.substring(0, w1.length() - possessive.length());
                for (String suffix : SUFFIXES) {
                    if (!w2.endsWith(suffix)) {
                        continue;
                    }
                    String base = w2.substring(0, w2.length() - suffix.length());
                    if (base.length() < MIN_STEM) {
                        continue;
                    }
                    double cost = (particle.isEmpty() ? 0 : 0.5) + (possessive.isEmpty() ? 0 : 0.5)
                            + (suffix.isEmpty() ? 0 : 1);
                    if (cost > 0) {
                        add(out, costs, new Candidate(base, "", suffix, possessive), cost);
                    }
                    if (knownStem) {
                        continue;
                    }
                    for (String[] stripped : stripPrefix(base)) {
                        add(out, costs, new Candidate(stripped[1], stripped[0], suffix, possessive), cost + 1);
                        // A second prefix: memper-, diper-, keber-, diter-.
                        for (String[] inner : stripPrefix(stripped[1])) {
                            if (inner[0].equals("per") || inner[0].equals("ber") || inner[0].equals("ter")) {
                                add(out, costs, new Candidate(inner[1], stripped[0], suffix, possessive), cost + 2.5);
                            }
                        }
                    }
                }
            }
        }
        // Stable sort by cost; among equal costs the order of generation (preferred sound-change readings) holds.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(costs.get(a), costs.get(b)));
        List<Candidate> sorted = new ArrayList<>(out.size());
        order.forEach(i -> sorted.add(out.get(i)));
        return sorted;
    }

    private static void add(List<Candidate> out, List<Double> costs, Candidate candidate, double cost) {
        out.add(candidate);
        costs.add(cost);
    }

    /** Prefix readings of a word: pairs of (prefix name, stem), in order of preference. */
    static List<String[]> stripPrefix(String w) {
        List<String[]> out = new ArrayList<>();
        nasal(w, "me", "meN", out);
        nasal(w, "pe", "peN", out);
        if (w.startsWith("di")) {
            out.add(new String[]{"di", w.substring(2)});
        }
        if (w.startsWith("ter")) {
            out.add(new String[]{"ter", w.substring(3)});
        } else if (w.startsWith("te") && w.length() > 3 && w.charAt(2) == 'r') {
            out.add(new String[]{"ter", w.substring(2)});
        }
        if (w.startsWith("ber")) {
            out.add(new String[]{"ber", w.substring(3)});
        }
        if (w.startsWith("be")) {
            out.add(new String[]{"ber", w.substring(2)}); // bekerja, berenang (be + renang)
        }
        if (w.startsWith("bel")) {
            out.add(new String[]{"ber", w.substring(3)}); // belajar
        }
        if (w.startsWith("per")) {
            out.add(new String[]{"per", w.substring(3)});
        }
        if (w.startsWith("ke")) {
            out.add(new String[]{"ke", w.substring(2)});
        }
        if (w.startsWith("se")) {
            out.add(new String[]{"se", w.substring(2)});
        }
        out.removeIf(pair -> pair[1].length() < MIN_STEM);
        return out;
    }

    /** meN- and peN-: the nasal merges with the stem's first sound (menulis ← tulis, memukul ← pukul). */
    private static void nasal(String w, String head, String name, List<String[]> out) {
        if (!w.startsWith(head) || w.length() < head.length() + 3) {
            return;
        }
        String rest = w.substring(head.length());
        if (rest.startsWith("ny")) {
            String tail = rest.substring(2);
            if (startsWithVowel(tail)) {
                out.add(new String[]{name, "s" + tail});
            }
            out.add(new String[]{name, rest}); // menyanyi ← nyanyi
        } else if (rest.startsWith("nge")) {
            out.add(new String[]{name, rest.substring(3)}); // mengebom ← bom
            out.add(new String[]{name, rest.substring(2)});
            out.add(new String[]{name, "k" + rest.substring(2)});
        } else if (rest.startsWith("ng")) {
            String tail = rest.substring(2);
            out.add(new String[]{name, tail}); // mengambil ← ambil, menggali ← gali
            if (startsWithVowel(tail)) {
                out.add(new String[]{name, "k" + tail}); // mengirim ← kirim
            }
        } else if (rest.startsWith("m")) {
            String tail = rest.substring(1);
            if (startsWithVowel(tail)) {
                out.add(new String[]{name, rest}); // memakan ← makan
                out.add(new String[]{name, "p" + tail}); // memukul ← pukul
            } else {
                out.add(new String[]{name, tail}); // membeli ← beli
            }
        } else if (rest.startsWith("n")) {
            String tail = rest.substring(1);
            if (startsWithVowel(tail)) {
                out.add(new String[]{name, rest}); // menilai ← nilai
                out.add(new String[]{name, "t" + tail}); // menulis ← tulis
            } else {
                out.add(new String[]{name, tail}); // mencari ← cari, mendengar ← dengar
            }
        } else if ("lrwy".indexOf(rest.charAt(0)) >= 0) {
            out.add(new String[]{name, rest}); // melihat ← lihat, merusak ← rusak
        } else if (head.equals("pe")) {
            out.add(new String[]{name, rest}); // petani ← tani, pekerja ← kerja
        }
        if (head.equals("pe") && rest.startsWith("r")) {
            out.add(new String[]{"per", rest.substring(1)});
        }
    }

    private static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "aeiou".indexOf(s.charAt(0)) >= 0;
    }
}
