package dev.warta.faithfulness;

import dev.warta.article.NamedEntity;
import dev.warta.offline.EntityFinder;
import dev.warta.offline.Lexicon;
import dev.warta.offline.Morphology;
import dev.warta.text.SentenceSplitter;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of name a name that the English lacks is, read from the source around it: a person's name, an acronym,
 * a place, an institution, a name made of dictionary words, or a name the source gives no evidence about. The kind
 * decides whether the loss is a flag (the article needs review and the model is asked again) or a note shown with
 * the article: a dropped person is one of the errors a desk must see, while acronyms and names of dictionary words
 * are most often rendered by meaning, which no rule on the source can tell from a loss.
 */
public enum MissingNameKind {
    /** A title, a word of saying or the model's entity list says a person ("kata Hilman", "Gubernur Joko Widodo"). */
    PERSON("a person's name", true),
    /** Capitals only ("PHK", "SKPD"): English often gives the meaning ("layoffs") or its own acronym. */
    ACRONYM("an acronym, often rendered by meaning", false),
    /** After "di", "Jl.", "Kota", in an address, or a place the dictionary knows ("di Pesing", "India"). */
    PLACE("a place", true),
    /** Inside or after an institution's word ("Dinas Pertamanan", "Kantor Menko Kesra"). */
    INSTITUTION("part of an institution's name", true),
    /** A word the dictionary knows, as a word or a stem ("Marak", "Sarana", "Janjinya"): translated, not kept. */
    DICTIONARY_WORD("a dictionary word, often translated", false),
    /** A capitalised word the source says nothing more about: most often a person, so it is flagged as one. */
    UNKNOWN("a name", true);

    private static final Morphology MORPHOLOGY = new Morphology(Lexicon.bundled());
    /** Words before a name that a statement is attributed to ("kata Dien", "menurut Hilman", "ujar Basri"). */
    private static final Set<String> SPEECH_WORDS = Set.of("kata", "ujar", "tutur", "ucap", "jelas", "menurut",
            "ungkap", "imbuh", "tambah", "lanjut", "terang", "sebut", "papar");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("di", "ke", "dari", "kawasan", "wilayah", "menuju",
            "asal", "warga");
    private static final Set<String> DIRECTIONS = Set.of("utara", "selatan", "barat", "timur", "pusat", "tengah",
            "tenggara", "laut", "daya");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private final String description;
    private final boolean flagged;

    MissingNameKind(String description, boolean flagged) {
        this.description = description;
        this.flagged = flagged;
    }

    /** Whether a name of this kind that the English lacks flags the article; otherwise it is a note. */
    public boolean flagged() {
        return flagged;
    }

    /** The note shown with the article for a name of this kind that the English lacks. */
    String note(String name) {
        return "name " + name + " missing (" + description + ")";
    }

    /**
     * The kind of {@code name}, one word of the multi-word name {@code group} found in {@code sourceParagraph}.
     *
     * @param entities the model's own list of the article's names and their types; a name it calls a person is one
     */
    public static MissingNameKind of(String name, List<String> group, String sourceParagraph,
                                     Collection<NamedEntity> entities) {
        if (entities.stream().anyMatch(entity -> "PERSON".equals(entity.type())
                && List.of(entity.name().split("\\s+")).contains(name))) {
            return PERSON;
        }
        if (name.length() >= 2 && name.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                && !initialsBeforeAName(name, group)) {
            return ACRONYM;
        }
        String first = group.get(0);
        for (String sentence : SentenceSplitter.split(sourceParagraph)) {
            int start = wordStart(sentence, first);
            if (start < 0) {
                continue;
            }
            String before = wordBefore(sentence, start);
            String firstLower = first.toLowerCase(Locale.ROOT);
            if (FaithfulnessChecker.placeContext(sentence, start) || PLACE_PREPOSITIONS.contains(before)
                    || EntityFinder.PLACE_WORDS.contains(before) || EntityFinder.PLACE_WORDS.contains(firstLower)
                    || group.stream().skip(1).anyMatch(w -> DIRECTIONS.contains(w.toLowerCase(Locale.ROOT)))) {
                return PLACE;
            }
            if (EntityFinder.PERSON_TITLES.contains(before) || SPEECH_WORDS.contains(before)
                    || EntityFinder.PERSON_TITLES.contains(firstLower)) {
                return PERSON;
            }
            if (EntityFinder.ORGANIZATION_WORDS.contains(before) || group.stream()
                    .anyMatch(w -> EntityFinder.ORGANIZATION_WORDS.contains(w.toLowerCase(Locale.ROOT)))) {
                return INSTITUTION;
            }
            break;
        }
        Lexicon.Entry entry = dictionaryEntry(name);
        if (entry != null && entry.isPlace()) {
            return PLACE;
        }
        // "Basuki Tjahaja Purnama": a word of a name that also has words no dictionary knows is a person's name
        // (purnama is the full moon); only a name made of dictionary words alone is translated by meaning
        if (entry != null && group.stream().allMatch(word -> dictionaryEntry(word) != null)) {
            return DICTIONARY_WORD;
        }
        return UNKNOWN;
    }

    /** "JK Rowling": one or two capitals before a word that is not all capitals are a person's initials. */
    private static boolean initialsBeforeAName(String name, List<String> group) {
        int at = group.indexOf(name);
        return name.length() <= 2 && at >= 0 && group.subList(at + 1, group.size()).stream()
                .anyMatch(word -> word.chars().anyMatch(Character::isLowerCase));
    }

    /** The dictionary's entry for a word or, for an affixed word, for its stem; {@code null} when it knows neither. */
    private static Lexicon.Entry dictionaryEntry(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Lexicon.Entry entry = Lexicon.bundled().word(lower);
        if (entry != null) {
            return entry;
        }
        Morphology.Analysis analysis = MORPHOLOGY.analyse(lower);
        return analysis == null ? null : analysis.entry();
    }

    /** Where {@code word} stands as a whole word in {@code sentence}, or -1. */
    private static int wordStart(String sentence, String word) {
        Matcher matcher = WORD.matcher(sentence);
        while (matcher.find()) {
            if (matcher.group().equals(word)) {
                return matcher.start();
            }
        }
        return -1;
    }

    /** The lower-case word right before {@code start} ("di", "kata", "jl"), or "". */
    private static String wordBefore(String sentence, int start) {
        Matcher matcher = WORD.matcher(sentence.substring(0, start));
        String last = "";
        int end = -1;
        while (matcher.find()) {
            last = matcher.group();
            end = matcher.end();
        }
        // only the word right before, with nothing but spaces or a full stop ("Jl. Kembangan") between
        return end >= 0 && sentence.substring(end, start).matches("\\.?\\s+") ? last.toLowerCase(Locale.ROOT) : "";
    }
}
