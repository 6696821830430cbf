package dev.warta.faithfulness;

import dev.warta.article.NamedEntity;
import dev.warta.text.EditDistance;
import dev.warta.text.LetterSplitter;
import dev.warta.text.SentenceSplitter;
import dev.warta.text.StartsOnlySearch;
import dev.warta.ingest.LanguageDetector;
import dev.warta.offline.Lexicon;
import dev.warta.offline.Morphology;
import dev.warta.text.IndonesianCalendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a translation against its source the way a careful editor would, without a model: every number kept with
 * its value, every name kept (or rendered in a known way), glossary terms used, paragraphs aligned, the output in
 * the target language, and no preamble, commentary or Markdown. Each failure is named, so that the model can be
 * asked to fix exactly that and a reviewer sees why an article is flagged.
 */
public class FaithfulnessChecker {

    /** Capitalised Indonesian words that are titles or sentence glue, not names (months and days aside). */
    private static final Set<String> NOT_NAMES = Set.of(
            "presiden", "wakil", "menteri", "sekretaris", "jenderal", "gubernur", "bupati", "wali", "kota", "walikota",
            "kabupaten", "provinsi", "kecamatan", "desa", "kelurahan", "kepala", "dinas", "badan", "kementerian",
            "ketua", "anggota", "direktur", "utama", "bapak", "ibu", "pak", "bu", "kapolda", "kapolres", "kapolri",
            "komisi", "dewan", "perwakilan", "rakyat", "daerah", "pemerintah", "pemprov", "pemkab", "pemkot", "partai",
            "universitas", "rumah", "sakit", "jalan", "pasar", "wib", "wita", "wit", "rp", "dia", "ia", "kami", "kita", "mereka",
            "ini", "itu", "hal", "namun", "sementara", "selain", "menurut", "dalam", "pada", "untuk", "dengan",
            "oleh", "sebagai", "karena", "jika", "saat", "setelah", "sebelum", "hari", "tahun", "bulan", "pukul",
            "sekjen", "mendagri", "menkeu", "kapten", "kolonel", "letnan", "mayor", "brigjen", "irjen", "kombes",
            "akbp", "kompol", "haji", "hajjah", "prof", "dokter", "nasional", "internasional", "negeri", "umum",
            "baca", "juga", "editor", "publisher", "advertisement", "sumber", "foto", "video", "tim", "menlu", "menhan",
            "menko", "wapres", "kemenlu", "kemenkeu", "kemendagri", "kemenhan", "mensesneg", "sesneg", "dirut",
            "kadis", "kadin", "kasat", "kapolsek", "danrem", "dandim", "pangdam", "panglima", "kasad", "kasal",
            "kasau", "ketum", "sekda", "plt", "pj", "wagub", "wabup", "wawali", "camat", "lurah", "mantan", "calon", "juru", "bicara", "jubir", "staf", "blok", "posko", "genangan", "kabag", "kasie", "kasi", "kasubag");

    private static final Pattern CAPITALISED = Pattern.compile("\\b(\\p{Lu}[\\p{L}'’-]{2,}|\\p{Lu}{2,}\\d*)\\b");
    private static final Pattern PREAMBLE = Pattern.compile(
            "^(here is|here's|here are|below is|the following|sure[,!.]|certainly|of course|translation\\s*:"
                    + "|translated text|berikut|terjemahan)", Pattern.CASE_INSENSITIVE);
    /**
     * How an Indonesian text itself may open a list or a quote ("Berikut daftar…", "Inilah…"): its translation
     * opens the same way ("Here are…") and that is faithful, not a model's preamble.
     */
    private static final Pattern SOURCE_OPENER = Pattern.compile(
            "^[\"“'‘(]?(berikut|inilah|ini dia|ini adalah|di bawah ini|simak|tentu|terjemahan|here|the following)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTARY = Pattern.compile(
            "(\\(note:|\\bnote:|translator'?s note|i hope this|let me know if|as an ai\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN = Pattern.compile(
            "(\\*\\*|__|^#{1,6}\\s|^\\s*[-*+]\\s|\\[[^]]+]\\([^)]+\\)|`)", Pattern.MULTILINE);
    /**
     * What every alternative of {@link #COMMENTARY} holds, in lower case: a text without any is not searched
     * (this search and {@link #MARKDOWN}'s, from every character of every paragraph, were a fifth of the checks'
     * time; see {@link #mayHoldMarkdown}). Keep them in step with the expressions.
     */
    private static final List<String> COMMENTARY_HINTS = List.of("note", "hope this", "know if", "as an ai");
    /** The first letters of {@link #COMMENTARY_HINTS}, by ASCII code: where an ASCII text may hold one. */
    private static final boolean[] COMMENTARY_HINT_INITIALS = new boolean[128];

    static {
        COMMENTARY_HINTS.forEach(hint -> COMMENTARY_HINT_INITIALS[hint.charAt(0)] = true);
    }
    /** A backtick after a letter ({@code government`s}, {@code Apartments` plan}) is a typed apostrophe. */
    private static final Pattern BACKTICK_APOSTROPHE = Pattern.compile("(?<=\\p{L})`(?=\\p{L}|\\s)");

    private static final Pattern AFFIXED = Pattern.compile(
            "(pe|pem|pen|peng|per|ke|ber)\\p{L}{3,}an|(me|mem|men|meng|di|ter|memper|diper)\\p{L}{3,}(kan|i)"
                    + "|\\p{L}{3,}(kan|nya|lah|kah)");
    /** A shorter name one letter away from an English word is too likely another name ("Rina", "Rini"). */
    static final int MIN_RESPELT_LENGTH = 5;
    /** Below these length ratios a paragraph has lost a sentence: see {@link #sentenceMissing}. */
    static final double FEWER_SENTENCES_RATIO = 0.85;
    static final double SHORT_RATIO = 0.65;
    private static final Morphology MORPHOLOGY = new Morphology(Lexicon.bundled());
    /** The prefixes of Indonesian nouns made from a stem: pe(N)-, per-, ke- (with -an: pengunjuk, perbendaharaan). */
    private static final Pattern NOUN_PREFIX = Pattern.compile("^(peng|peny|pem|pen|per|pe|ke)");
    /** Short words that join a headline's capitalised words: "Tanggul Jebol di Pluit", "Metromini dan Kopaja". */
    private static final Set<String> HEADLINE_JOINERS = Set.of("di", "ke", "dari", "dan", "atau", "untuk", "yang",
            "dengan", "pada", "bagi", "oleh", "vs", "&", "-", "–");
    private static final Set<String> VERB_PREFIXES = Set.of("di", "ter", "meN", "ber", "memper", "diper");
    /** Words after which a capitalised word names a place: administrative units, their heads, "di" (in), waters. */
    private static final Set<String> PLACE_HEADS = Set.of("camat", "lurah", "kecamatan", "kelurahan", "kabupaten",
            "desa", "kampung", "provinsi", "wilayah", "kawasan", "di", "ke", "dari", "warga", "jl", "jalan",
            // the generic word of a river, lake or island: "Kali Pesanggrahan", "Setu Babakan"
            "kali", "sungai", "setu", "situ", "danau", "pulau", "gunung", "teluk");
    /** Indonesian words that attribute a statement to a person: "kata Dien", "Dien mengatakan". */
    private static final Set<String> SOURCE_ATTRIBUTION = Set.of("kata", "ujar", "ucap", "tutur", "jelas", "lanjut",
            "tambah", "ungkap", "papar", "terang", "sebut", "imbuh", "tegas", "dikatakan", "menurut", "katanya",
            "mengatakan", "mengaku", "menuturkan", "menjelaskan", "mengungkapkan", "menyebutkan", "menambahkan",
            "menegaskan", "berkata", "menerangkan", "memaparkan", "menyatakan", "mengimbau", "meminta",
            "ditambahkan", "dijelaskan", "diungkapkan", "disampaikan", "ditegaskan", "diterangkan", "lanjutnya",
            "dicontohkan", "tandas", "keluh", "sambung", "pungkas", "imbuhnya", "ujarnya", "tuturnya", "ungkapnya",
            "jelasnya", "tambahnya", "diakui", "mengakui", "menilai", "berharap");
    /** English words that attribute a statement: "said Emmawati", "according to Emmawati". */
    private static final Set<String> ENGLISH_ATTRIBUTION = Set.of("said", "says", "told", "stated", "explained",
            "continued", "added", "according", "admitted", "informed", "revealed", "uttered", "noted", "stressed",
            "asserted", "mentioned", "disclosed", "remarked", "affirmed", "claimed", "confirmed", "argued",
            "insisted", "announced", "asked", "urged", "declared", "emphasized", "emphasised", "conveyed",
            "expressed", "elaborated", "exemplified", "furthered", "complained", "acknowledged", "replied");
    /** Month and day names in English, capitalised but not names of anyone. */
    private static final Set<String> ENGLISH_NAMES_OF_TIME = Set.of("january", "february", "march", "april", "june",
            "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday");
    /** Roman numerals in names ("Daops VII", "Lebakbulus III") are numbers, not words that must reappear. */
    private static final Pattern ROMAN_NUMERAL = Pattern.compile("(?=[IVXL]{2,}$)L?X{0,3}(IX|IV|V?I{0,3})");
    // Compiled once, not per call or per word as String.matches, split and replaceAll do: the checks run on every
    // answer, and compiling these was a good part of their processor time. Same expressions, same verdicts.
    // [^\p{L}]+ and [^\p{L}'’-]+, split without the regex engine (they split every paragraph, several times)
    private static final LetterSplitter NON_LETTERS = LetterSplitter.atNonLetters();
    private static final LetterSplitter NOT_NAME_CHARACTERS = LetterSplitter.atNonLettersBut("'’-");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");
    private static final Pattern BETWEEN_NAME_WORDS = Pattern.compile("\\s+(\\p{Lu}\\.?\\s+)*");
    private static final Pattern NON_SPACE_RUN = Pattern.compile("\\S+");
    private static final Pattern QUOTES_AROUND = Pattern.compile("^[\"“‘'(]+|[,;:\"”’')]+$");
    private static final Pattern OPENS_WITH_QUOTE = Pattern.compile("^[\"“‘'].*");
    private static final Pattern AFFIXED_VERB = Pattern.compile(
            "(di|ter|me[mn]?|meng|meny|ber)\\p{L}{4,}|\\p{L}{4,}kan");
    private static final Pattern ENGLISH_NAME_WORD = Pattern.compile("\\b\\p{Lu}\\p{Ll}{3,}\\b");
    private static final Pattern PLURAL_ENDING = Pattern.compile("(?<=\\p{L}{3})e?s$");
    private static final Pattern ACRONYM_IN_PARENTHESES = Pattern.compile(
            "\\p{L}{3,}\\s+\\(([\\p{Lu}][\\p{L}]{1,12})\\)");
    private static final Pattern ACRONYM_BEFORE_PARENTHESES = Pattern.compile(
            "\\b(\\p{Lu}{2,}[\\p{L}]*)\\s+\\(\\p{L}{3,}");
    private static final Pattern ENDS_A_SENTENCE = Pattern.compile(".*[.!?:\"”]$");
    private static final Pattern NYA_ENDING = Pattern.compile("[-’']?nya$");
    /** The last syllables of the direction words that Indonesian shortens place names with, and their English. */
    private static final Map<String, String> DIRECTION_SYLLABLES = Map.of(
            "sel", "selatan|south|southern", "ut", "utara|north|northern", "tim", "timur|east|eastern",
            "bar", "barat|west|western", "teng", "tengah|central", "pus", "pusat|central",
            "tra", "tenggara|southeast|south-east|south east");
    private static final Pattern SHORTENED_PLACE = Pattern.compile(
            "(\\p{Lu}\\p{Ll}{1,4}?)(sel|ut|tim|bar|teng|pus|tra)");
    private static final Pattern POSSESSIVE_ENDING = Pattern.compile("['’]s$");
    private static final Pattern LONG_FORM_BEFORE_SHORT = Pattern.compile(
            "((?:\\p{Lu}[\\p{L}'’-]*\\s+(?:(?:dan|untuk|di|&)\\s+)?)+)\\(([\\p{L}][\\p{L}-]{1,15})\\)");
    private static final Pattern LONG_FORM_BEFORE_ACRONYM = Pattern.compile(
            "((?:\\p{Lu}\\p{Ll}+\\s+)+\\p{Lu}\\p{Ll}+),\\s+(\\p{Lu}{2,6})\\b");
    private static final Pattern ENGLISH_CAPITALISED_WORD = Pattern.compile("\\b\\p{Lu}[\\p{L}'’]+");
    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\b\\p{Lu}[\\p{L}'’-]+");
    private static final Pattern BODY_OF_THE_CITY = Pattern.compile("\\b(?:City|Provincial) \\p{Lu}\\p{Ll}+");
    private static final Pattern PREFIX_OF_COMPOUND = Pattern.compile("(?i)antar|pasca|lintas");
    private static final Pattern SHORT_FORM_AFTER = Pattern.compile("(?:\\s+\\p{Lu}\\p{Ll}+)*\\s*\\(");
    private static final Pattern CAPITALISED_LETTERS = Pattern.compile("\\b\\p{Lu}\\p{L}+");
    private static final Pattern CAPITALISED_AFTER = Pattern.compile("\\s+(\\p{Lu}\\p{Ll}+)\\b");
    /** Two or more capitalised words in a row: an English name (less its first word where it opens a sentence). */
    private static final Pattern ENGLISH_CAPITALISED_RUN = Pattern.compile("\\b\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)+");
    private static final Pattern SENTENCE_END_BEFORE = Pattern.compile("(?s)(|.*[.!?\"“]\\s*)");
    private static final Pattern SOFT_C = Pattern.compile("s(?=[ei])");
    private static final Pattern FIRST_PERSON_HOPE = Pattern.compile(
            "\\b(saya|aku|kami|kita)\\s+(sangat\\s+|juga\\s+|pun\\s+)?(ber)?harap", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTE_IN_SOURCE = Pattern.compile("catatan|note", Pattern.CASE_INSENSITIVE);

    private final LanguageDetector languages = new LanguageDetector();
    private final Map<String, List<String>> renderings = loadRenderings();
    /** Renderings of every abbreviation that starts the same way ({@code Kemen*}: a ministry). */
    private final Map<String, List<String>> prefixRenderings = renderings.entrySet().stream()
            .filter(entry -> entry.getKey().endsWith("*"))
            .collect(Collectors.toMap(entry -> entry.getKey().substring(0, entry.getKey().length() - 1),
                    Map.Entry::getValue));
    /** The words of the known English renderings ("ocean", "strait"), which explain an English capital. */
    private final Set<String> renderedWords = renderings.values().stream().flatMap(List::stream)
            .flatMap(rendering -> Arrays.stream(NON_LETTERS.split(fold(rendering))))
            .filter(word -> !word.isEmpty()).collect(Collectors.toSet());

    /**
     * Checks a body translation: numbers, names, glossary terms and alignment against the source, and the
     * language and form of the translated text.
     *
     * @param source         source paragraphs (the title may be passed as the first one)
     * @param translated     translated paragraphs, one per source paragraph
     * @param glossary       glossary terms that occur in the source, with their required renderings
     * @param entities       entities the model reported, whose renderings count as renderings of their names
     * @param targetLanguage ISO 639-1 code of the language the text should be in
     */
    public CheckResult checkTranslation(List<String> source, List<String> translated, Map<String, String> glossary,
                                        Collection<NamedEntity> entities, String targetLanguage) {
        return check(null, source, null, translated, glossary, entities, targetLanguage);
    }

    private CheckResult check(String sourceTitle, List<String> sourceBody, String translatedTitle,
                              List<String> translatedBody, Map<String, String> glossary,
                              Collection<NamedEntity> entities, String targetLanguage) {
        Score score = new Score();
        List<String> source = withTitle(sourceTitle, sourceBody);
        List<String> translated = withTitle(translatedTitle, translatedBody);
        String sourceText = String.join("\n", source);
        String english = String.join("\n", translated);
        String englishFolded = fold(english);

        // each paragraph's numbers in its own translation, so that a changed number cannot hide behind the same
        // value elsewhere in the article; the whole text when the paragraphs do not line up
        boolean aligned = source.size() == translated.size();
        Map<String, Integer> missingNumbers = new java.util.LinkedHashMap<>();
        int factCount = 0;
        for (int i = 0; i < (aligned ? source.size() : 1); i++) {
            List<BigDecimal> englishNumbers = NumberFacts.inEnglish(aligned ? translated.get(i) : english,
                    aligned ? source.get(i) : sourceText);
            List<NumberFacts.Fact> facts = NumberFacts.inIndonesian(aligned ? source.get(i) : sourceText);
            factCount += facts.size();
            NumberFacts.missing(facts, englishNumbers).forEach(fact -> missingNumbers.merge(fact.written(), 1,
                    Integer::sum));
        }
        // a number the source states twice and the English lost twice says so: one loss may be a liberty, two
        // are a change (a date's day and month are two facts of one date)
        missingNumbers.forEach((number, times) -> score.fail("number " + number + " missing or changed"
                + (times > 1 && !number.contains("/") ? " (" + times + " times)" : "")));
        score.add(0.3, factCount == 0 ? 1 : Math.max(0, 1 - (double) missingNumbers.size() / factCount));

        // titles are in title case: only the body's capitals mark names
        int checkedNames = 0;
        Set<String> missingNames = new LinkedHashSet<>();
        Set<String> spellingNotes = new LinkedHashSet<>();
        // each note with the name it is about, so that a name flagged elsewhere is not also a note
        Map<String, String> nameNotes = new LinkedHashMap<>();
        List<NameGroup> located = locatedNameGroups(sourceBody);
        List<List<String>> groups = located.stream().map(NameGroup::words).toList();
        Set<String> expanded = expandedAcronyms(String.join("\n", sourceBody));
        // worked out for the first name that the English does not plainly keep, if any: most articles have none
        Once<Set<String>> longFormsShortened = new Once<>(
                () -> longFormsOfKeptShortForms(String.join("\n", sourceBody), englishFolded));
        Once<String> sourceFolded = new Once<>(() -> fold(String.join("\n", source)));
        Set<String> otherPartsUsed = new HashSet<>();
        for (NameGroup locatedGroup : located) {
            List<String> group = locatedGroup.words();
            // the English of the name's own paragraph, or the whole text when the paragraphs do not line up
            String paragraphEnglish = sourceBody.size() == translatedBody.size()
                    ? translatedBody.get(locatedGroup.paragraph()) : english;
            List<String> names = group.stream()
                    // a glossary term ("APBD", "DKI") is held to its glossary rendering below, not to its spelling
                    .filter(name -> glossary.keySet().stream().noneMatch(term -> term.contains(name)))
                    .toList();
            checkedNames += names.size();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                // "JK Rowling" → "Rowling": initials of a person named by the surname may go
                if (initialsOfKeptName(names, i, english, englishFolded, entities)) {
                    continue;
                }
                // "Satuan Kerja Perangkat Daerah (SKPD)": the source spells the acronym out, and the English may
                // give only the translated long form, whose own names are checked
                // "Warung Tegal (warteg)" → "eatery stalls (warteg)", "Badan Amil Zakat Infak dan Sedekah (Bazis)" →
                // "Alms and Donation Agency (Bazis)": the long form translated by meaning, its short form kept
                // (a name rendered as such is asked about first: the common case, which needs no long forms)
                if (rendered(name, english, englishFolded, entities) || expanded.contains(name)
                        || longFormsShortened.get().contains(name)) {
                    continue;
                }
                // "Analsis data" → "Analysis of data", "Car Free Nihgt" → "Car Free Night": a typing error of the
                // source in a word, not a name, and the English has the word
                if (mistypedWord(name, englishFolded)) {
                    continue;
                }
                // "Slovania" → Slovene, "Ausrtralia" → Australian: a known place the source mistyped, whose English
                // the translation has; "Kejaksanan Tinggi" beside "Kejaksaan Tinggi": a capitalised word that the
                // source writes rightly elsewhere, where it is no name
                if (mistypedPlace(name, english, englishFolded)
                        || mistypedWordOfTheSource(name, String.join("\n", sourceBody), groups)) {
                    continue;
                }
                // "Setu Rawa Baboon" → "Rawa Baboon Lake", "Sisca Herawati" → "Herawati": a name is judged by its
                // distinctive words. A word heading a name whose later words are kept went with the name (a generic
                // head such as Setu, lake, or a given name); the last word (a surname) must stay, and so must an
                // acronym, and a word that reappears misspelt is caught
                boolean partOfKeptName = names.subList(i + 1, names.size()).stream()
                        .anyMatch(later -> keptAsName(later, english, englishFolded, entities));
                boolean acronym = isAcronym(name);
                // "kata Sisca" after "Sisca Herawati" earlier: "Herawati said" names the same person
                boolean personNamedInFull = names.size() == 1 && groups.stream()
                        .filter(full -> full.size() > 1 && full.contains(name))
                        .anyMatch(full -> full.stream().anyMatch(other -> !other.equals(name) && other.length() >= 3
                                && rendered(other, english, englishFolded, entities)));
                // "kata Dien" → "Emmawati said": English news names a person by the surname where Indonesian uses
                // the given name; the full name stands earlier in the story. A lone name word that a statement is
                // attributed to, whose paragraph's English attributes a statement to a name the source does not
                // have, is the same person named by another part of the name
                // (each such English name stands for one source name only)
                // The same holds for a person who is the English sentence's subject: "Ditambahkan Sri, sejak saat
                // itu dirinya…" → "Since that moment, Pujiastuti routinely…". Then the source's name must stand right
                // next to its word of saying or open its sentence (a place near one, "Camat Kebonjeruk, Hendra
                // Hidayat mengatakan", is no speaker), and the English name must follow an opening phrase
                String sourceParagraph = sourceBody.get(locatedGroup.paragraph());
                boolean speaker = attributed(name, sourceParagraph, SOURCE_ATTRIBUTION, 3);
                boolean namedSpeaker = attributed(name, sourceParagraph, SOURCE_ATTRIBUTION, 1)
                        || subjectOfSentence(name, sourceParagraph, false);
                boolean namedByAnotherPart = group.size() == 1 && !acronym && (speaker || namedSpeaker)
                        && unexplainedNames(paragraphEnglish, sourceFolded.get()).stream()
                        .filter(other -> speaker && attributed(other, paragraphEnglish, ENGLISH_ATTRIBUTION, 3)
                                || namedSpeaker && subjectOfSentence(other, paragraphEnglish, true))
                        .filter(other -> !otherPartsUsed.contains(locatedGroup.paragraph() + "\t" + other))
                        .findFirst().map(other -> otherPartsUsed.add(locatedGroup.paragraph() + "\t" + other))
                        .orElse(false);
                // "Klub Taat Suami" → "Obedient Wives Club": a name made of dictionary words, translated word by word
                boolean translatedByMeaning = !acronym
                        && nameOfDictionaryWordsTranslated(name, sourceParagraph, paragraphEnglish,
                        sourceFolded.get());
                // "Gaddadi" → "Gaddafi", "Chaves" → "Chavez": one letter apart, same initial, a long word. The
                // source's typing error corrected and the translator's misspelling look the same to a check, so it
                // is shown with the article as a note, without flagging it or asking the model again
                String respelt = acronym ? null : respelt(name, english, sourceFolded.get());
                if (respelt != null) {
                    spellingNotes.add("name " + name + " spelt " + respelt);
                } else if (!(partOfKeptName || personNamedInFull || namedByAnotherPart || translatedByMeaning)
                        || acronym
                        || misspelt(name, english)) {
                    String note = noteInsteadOfFlag(name, group, sourceParagraph, english, entities);
                    if (note != null) {
                        nameNotes.putIfAbsent(note, name);
                    } else {
                        missingNames.add(name);
                    }
                }
            }
        }
        missingNames.forEach(name -> score.fail("name " + name + " missing"));
        spellingNotes.forEach(score::note);
        // a name flagged where it stands as a person's is not also a note where it stands as another kind
        nameNotes.forEach((note, name) -> {
            if (!missingNames.contains(name)) {
                score.note(note);
            }
        });
        score.add(0.2, checkedNames == 0 ? 1 : Math.max(0, 1 - (double) missingNames.size() / checkedNames));

        int glossaryMisses = 0;
        for (Map.Entry<String, String> term : glossary.entrySet()) {
            if (!englishFolded.contains(fold(term.getValue()))) {
                glossaryMisses++;
                score.fail("glossary term " + term.getKey() + " not rendered as \"" + term.getValue() + "\"");
            }
        }
        score.add(0.1, glossary.isEmpty() ? 1 : 1 - (double) glossaryMisses / glossary.size());

        int misaligned = 0;
        for (int i = 0; i < Math.min(sourceBody.size(), translatedBody.size()); i++) {
            int from = sourceBody.get(i).length();
            int to = translatedBody.get(i).length();
            if (from >= 60 && (to < from * 0.35 || to > from * 2.2)) {
                misaligned++;
                score.fail("paragraph " + (i + 1) + " does not match its source (" + to + " characters for "
                        + from + "): merged, split or shifted");
            } else if (sentenceMissing(sourceBody.get(i), translatedBody.get(i))) {
                misaligned++;
                score.fail("paragraph " + (i + 1) + " has " + SentenceSplitter.split(translatedBody.get(i)).size()
                        + " sentence(s) for the source's " + SentenceSplitter.split(sourceBody.get(i)).size()
                        + " and is short (" + to + " characters for " + from + "): a sentence is missing");
            }
        }
        if (sourceBody.size() != translatedBody.size()) {
            misaligned = sourceBody.size();
            score.fail(translatedBody.size() + " paragraphs for the source's " + sourceBody.size()
                    + ": return exactly one per source paragraph");
        }
        score.add(0.15, sourceBody.isEmpty() ? 1 : Math.max(0, 1 - (double) misaligned / sourceBody.size()));

        // each translated paragraph's words counted once: the whole text's counts are the sum of its paragraphs'
        List<LanguageDetector.Tally> tallies = translated.stream().map(languages::tally).toList();
        int firstBodyParagraph = translated.size() - translatedBody.size();
        if (checkLanguage(score, "text", languages.detect(LanguageDetector.Tally.joined(tallies)), targetLanguage,
                0.15)) {
            // one paragraph left in Indonesian among English ones does not tip the whole text
            for (int i = 0; i < Math.min(sourceBody.size(), translatedBody.size()); i++) {
                if (untranslated(sourceBody.get(i), translatedBody.get(i), tallies.get(firstBodyParagraph + i),
                        targetLanguage)) {
                    score.fail("paragraph " + (i + 1) + " is not in the target language (" + targetLanguage
                            + "): it reads as " + languages.detect(sourceBody.get(i)).language());
                }
            }
        }
        checkForm(score, "text", translated, source.size() == translated.size() ? source : null, 0.1);
        return score.result();
    }

    /** Checks the analysts' fields: language, length bounds and form of summary, key points and tags. */
    public CheckResult checkSummary(String summary, List<String> keyPoints, List<String> tags, String targetLanguage) {
        Score score = new Score();
        checkLanguage(score, "summary", summary, targetLanguage, 0.3);
        checkLanguage(score, "key points", String.join(". ", keyPoints), targetLanguage, 0.2);
        int sentences = SentenceSplitter.split(summary).size();
        int words = summary.isBlank() ? 0 : summary.strip().split("\\s+").length;
        boolean sized = sentences >= 2 && sentences <= 4 && words <= 90;
        if (!sized) {
            score.fail("summary has " + sentences + " sentences and " + words
                    + " words (wanted 2 to 4 sentences, at most 80 words)");
        }
        score.add(0.2, sized ? 1 : 0);
        boolean counted = keyPoints.size() >= 3 && keyPoints.size() <= 5 && !tags.isEmpty() && tags.size() <= 5;
        if (keyPoints.size() < 3 || keyPoints.size() > 5) {
            score.fail(keyPoints.size() + " key points (wanted 3 to 5)");
        }
        if (tags.isEmpty() || tags.size() > 5) {
            score.fail(tags.size() + " topic tags (wanted 1 to 5)");
        }
        score.add(0.1, counted ? 1 : 0);
        List<String> fields = new ArrayList<>(keyPoints);
        fields.add(0, summary);
        checkForm(score, "summary", fields, null, 0.2);
        return score.result();
    }

    /** Both checks, for a whole article; the score weighs the translation twice as much as the summary. */
    public CheckResult checkArticle(String sourceTitle, List<String> source, String title, List<String> translated,
                                    String summary, List<String> keyPoints, List<String> tags,
                                    Map<String, String> glossary, Collection<NamedEntity> entities,
                                    String targetLanguage) {
        CheckResult body = check(sourceTitle, source, title == null ? "" : title, translated, glossary, entities,
                targetLanguage);
        CheckResult digest = checkSummary(summary, keyPoints, tags, targetLanguage);
        List<String> failures = new ArrayList<>(body.failures());
        failures.addAll(digest.failures());
        return new CheckResult(failures, round((2 * body.score() + digest.score()) / 3), body.notes());
    }

    /**
     * A sentence dropped from a paragraph: the English has fewer sentences than the source and is clearly shorter,
     * or is far shorter whatever its sentences. Measured on human news translations from Indonesian, whose
     * paragraphs run at about 0.95 of the source's length: see docs/translation.md.
     */
    static boolean sentenceMissing(String source, String english) {
        if (source.length() < 60) {
            return false;
        }
        double ratio = (double) english.length() / source.length();
        if (ratio >= FEWER_SENTENCES_RATIO && ratio >= SHORT_RATIO) {
            // long enough whatever its sentences: most paragraphs are, and then neither text is split into them
            return false;
        }
        int sourceSentences = SentenceSplitter.split(source).size();
        if (sourceSentences < 2) {
            return false;
        }
        int englishSentences = SentenceSplitter.split(english).size();
        return (englishSentences < sourceSentences && ratio < FEWER_SENTENCES_RATIO) || ratio < SHORT_RATIO;
    }

    /** A paragraph still in the source language: most of its words are the source's, or it reads as Indonesian. */
    private boolean untranslated(String source, String english, LanguageDetector.Tally englishTally,
                                 String targetLanguage) {
        // the words cut out of the texts by their bounds, only those that count, not every word of both
        List<String> words = new ArrayList<>();
        NON_LETTERS.forEachPiece(source, (start, end) -> {
            if (end - start >= 4 && Character.isLowerCase(source.charAt(start))) {
                words.add(source.substring(start, end));
            }
        });
        if (words.size() < 4) {
            return false;
        }
        // the English words that are source words: only those are cut out, found by their hash among the source
        // words' hashes. A word of four letters or more folds to four characters or more (folding drops accents,
        // not letters), so the English words shorter than that can be none of them
        List<String> foldedWords = words.stream().map(FaithfulnessChecker::fold).toList();
        Set<String> sourceWords = new HashSet<>(foldedWords);
        int[] sourceHashes = sourceWords.stream().mapToInt(String::hashCode).sorted().toArray();
        String englishFolded = fold(english);
        Set<String> englishWords = new HashSet<>();
        NON_LETTERS.forEachPiece(englishFolded, (start, end) -> {
            if (end - start >= 4
                    && Arrays.binarySearch(sourceHashes, LetterSplitter.hashOf(englishFolded, start, end)) >= 0) {
                englishWords.add(englishFolded.substring(start, end));
            }
        });
        long kept = foldedWords.stream().filter(englishWords::contains).count();
        if (kept >= 0.5 * words.size()) {
            return true;
        }
        LanguageDetector.Detected detected = languages.detect(englishTally);
        return !detected.language().equals(targetLanguage) && detected.confidence() >= 0.5
                && Set.of("id", "ms", "jv", "su").contains(detected.language());
    }

    /** @return whether the text passed */
    private boolean checkLanguage(Score score, String field, String text, String targetLanguage, double weight) {
        return checkLanguage(score, field, languages.detect(text), targetLanguage, weight);
    }

    private static boolean checkLanguage(Score score, String field, LanguageDetector.Detected detected,
                                         String targetLanguage, double weight) {
        boolean sourceLeftOver = !detected.language().equals(targetLanguage) && detected.confidence() >= 0.25
                && Set.of("id", "ms", "jv", "su").contains(detected.language());
        if (sourceLeftOver) {
            score.fail(field + " is not in the target language (" + targetLanguage + "): it reads as "
                    + detected.language());
        }
        score.add(weight, sourceLeftOver ? 0 : 1);
        return !sourceLeftOver;
    }

    /**
     * No preamble, commentary or Markdown of the model's own. Each text is judged against its source, when it has
     * one ({@code sources} aligned with {@code texts}, or {@code null}): a source that opens with "Berikut…" is
     * rightly rendered "Here are…", and an asterisk or bullet that the source has is the source's.
     */
    private static void checkForm(Score score, String field, List<String> texts, List<String> sources,
                                  double weight) {
        boolean clean = true;
        String allSources = sources == null ? "" : String.join("\n", sources);
        for (int i = 0; i < texts.size(); i++) {
            String trimmed = texts.get(i).strip();
            String source = sources == null || i >= sources.size() ? null : sources.get(i).strip();
            if (PREAMBLE.matcher(trimmed).find() && (source == null || !SOURCE_OPENER.matcher(source).find())) {
                score.fail(field + " starts with a preamble: \"" + excerpt(trimmed) + "\"");
                clean = false;
            } else if (mayHoldCommentary(trimmed) && commentaryOfItsOwn(trimmed, source)) {
                score.fail(field + " contains commentary: \"" + excerpt(trimmed) + "\"");
                clean = false;
            } else if (markdownOfItsOwn(trimmed, source == null ? allSources : source)) {
                score.fail(field + " contains Markdown: \"" + excerpt(trimmed) + "\"");
                clean = false;
            }
        }
        score.add(weight, clean ? 1 : 0);
    }

    /** Markdown in a translation that its source does not have: the same marker in the source is the source's. */
    private static boolean markdownOfItsOwn(String text, String source) {
        if (!mayHoldMarkdown(text)) {
            return false;
        }
        Matcher markdown = MARKDOWN.matcher(text.indexOf('`') < 0 ? text
                : BACKTICK_APOSTROPHE.matcher(text).replaceAll("'"));
        while (markdown.find()) {
            String marker = markdown.group(1).strip();
            String sign = marker.startsWith("[") ? "](" : marker.substring(0, Math.min(2, marker.length()));
            if (!source.contains(sign)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Commentary that its source does not hold: a source with a note of its own ("Catatan:") may be rendered "Note:",
     * and one whose speaker hopes in the first person ("Saya harap usulan tersebut…") may be rendered "I hope this
     * proposal…".
     */
    private static boolean commentaryOfItsOwn(String text, String source) {
        if (source != null && NOTE_IN_SOURCE.matcher(source).find()) {
            return false;
        }
        boolean sourceHopes = source != null && FIRST_PERSON_HOPE.matcher(source).find();
        Matcher commentary = COMMENTARY.matcher(text);
        while (commentary.find()) {
            if (!(sourceHopes && commentary.group(1).toLowerCase(Locale.ROOT).startsWith("i hope"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHoldCommentary(String text) {
        if (ascii(text)) {
            // lower-casing ASCII changes only A-Z: each hint compared in place, ignoring case, without the copy
            for (int i = 0; i < text.length(); i++) {
                char folded = (char) (text.charAt(i) | 0x20);   // a capital as its small letter, for a first test
                if (COMMENTARY_HINT_INITIALS[folded]) {
                    for (String hint : COMMENTARY_HINTS) {
                        if (folded == hint.charAt(0) && text.regionMatches(true, i, hint, 0, hint.length())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String hint : COMMENTARY_HINTS) {
            if (lower.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one of {@link #MARKDOWN}'s markers needs: one of its characters, a hyphen or plus before a space, or a
     * link's {@code ](} (a bracket alone is common: "[Video]", a model's "[en]").
     */
    private static boolean mayHoldMarkdown(String text) {
        if (text.contains("](")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '_' || c == '#' || c == '`') {
                return true;
            }
            if ((c == '-' || c == '+') && i + 1 < text.length()
                    && " \t\n\u000B\f\r".indexOf(text.charAt(i + 1)) >= 0) {   // \s, as the pattern has it
                return true;
            }
        }
        return false;
    }

    /** Names a translation must keep, each word once, in source order (see {@link #nameGroups}). */
    List<String> names(List<String> source) {
        Set<String> names = new LinkedHashSet<>();
        nameGroups(source).forEach(names::addAll);
        return List.copyOf(names);
    }

    /**
     * Names a translation must keep, as the words of each multi-word name: capitalised words inside sentences (the
     * first word of a sentence is capitalised anyway) that are not titles, dates or dictionary words and never
     * appear in lower case in the source. A headline-style sentence, where nearly every word is capitalised, is
     * skipped like the title: there capitals say nothing ("Tanggul Jebol, 150 Rumah Tergenang").
     */
    List<List<String>> nameGroups(List<String> source) {
        return locatedNameGroups(source).stream().map(NameGroup::words).toList();
    }

    /** The words of one multi-word name, and the index of the source paragraph it is in. */
    private record NameGroup(int paragraph, List<String> words) {
    }

    private List<NameGroup> locatedNameGroups(List<String> source) {
        String all = String.join("\n", source);
        // the words that start in lower case, looked up in place
        LowerCaseWords lowercase = LowerCaseWords.of(all, NOT_NAME_CHARACTERS);
        List<NameGroup> groups = new ArrayList<>();
        for (int p = 0; p < source.size(); p++) {
            int paragraph = p;
            for (String unit : SentenceSplitter.split(source.get(p))) {
                if (headline(unit)) {
                    // a headline inside the body: like the title, its capitals say nothing about names
                    continue;
                }
                // "Tanggul Jebol di Pluit Diperbaiki Petugas sedang memperbaiki…": a headline without a full stop
                // that runs into the next sentence is skipped up to that sentence's first word
                String sentence = unit.substring(gluedHeadline(unit), trailingHeadline(unit));
                List<String> group = new ArrayList<>();
                int groupEnd = -1;
                int firstLetter = firstLetter(sentence);
                // tried only at capitals, where its matches start, not at every character of the sentence
                StartsOnlySearch matcher = StartsOnlySearch.of(CAPITALISED, sentence,
                        StartsOnlySearch.UPPER_CASE_LETTER);
                while (matcher.find()) {
                    String word = matcher.group(1);
                    // "US$ 5 juta", "S$", "HK$": a currency's symbol, which English writes as $ or spells out
                    // ("$US90": the symbol written before its country's letters)
                    if (sentence.startsWith("$", matcher.end())
                            || matcher.start() > 0 && sentence.charAt(matcher.start() - 1) == '$') {
                        continue;
                    }
                    // a name's words follow each other with nothing but spaces (or an initial) between them
                    if (groupEnd >= 0 && !BETWEEN_NAME_WORDS.matcher(sentence.substring(groupEnd, matcher.start()))
                            .matches()) {
                        addGroup(groups, paragraph, group);
                        group = new ArrayList<>();
                    }
                    groupEnd = matcher.end();
                    String lower = word.toLowerCase(Locale.ROOT);
                    boolean sentenceStart = firstLetter >= matcher.start();
                    // a sentence's first word is capitalised anyway: a name there only when no dictionary knows it
                    // "Camat Kembangan", "di Kemayoran": a place name that looks like an affixed word
                    boolean place = placeContext(sentence, matcher.start());
                    if ((!sentenceStart || unknownWord(word)) && !NOT_NAMES.contains(lower)
                            && !IndonesianCalendar.isMonthOrDay(lower) && !lowercase.contains(lower)
                            && (place || !commonWord(word) && !inflectedWord(word)
                            && !suffixedStem(lower)
                            && !(derivedNoun(word) && (sentenceStart || officeWordBefore(sentence, matcher.start()))))
                            && !ROMAN_NUMERAL.matcher(word).matches()
                            // a reduplicated plural opening a run is a word; inside a name it is part of the name
                            // ("Perserikatan Bangsa-Bangsa", the United Nations)
                            && !(reduplicated(lower) && group.isEmpty())) {
                        group.add(word);
                    }
                }
                addGroup(groups, paragraph, group);
            }
        }
        return groups;
    }

    /**
     * A capitalised title or dictionary word right before a word ("Jenderal Perbendaharaan", "Dinas Pertamanan"):
     * the word is part of the name of an office, which English translates. After a lower-case word
     * ("masyarakat Petamburan") a word shaped like a derived noun is a place: Jakarta has many (Petamburan,
     * Penjaringan, Pesanggrahan).
     */
    private boolean officeWordBefore(String sentence, int wordStart) {
        int previous = capitalisedBefore(sentence, wordStart);
        if (previous < 0) {
            return false;
        }
        String word = sentence.substring(previous, lettersEnd(sentence, previous));
        // "Ditjen Perbendaharaan": a known abbreviation of an office counts too
        return NOT_NAMES.contains(word.toLowerCase(Locale.ROOT)) || commonWord(word) || inflectedWord(word)
                || renderings.containsKey(word);
    }

    /** Where the first letter of a text is (a UTF-16 unit that {@link Character#isLetter(char)} holds for). */
    private static int firstLetter(String text) {
        int i = 0;
        while (i < text.length() && !Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void addGroup(List<NameGroup> groups, int paragraph, List<String> group) {
        if (!group.isEmpty()) {
            groups.add(new NameGroup(paragraph, List.copyOf(group)));
        }
    }

    /**
     * A word in the place of a place name: after a word that heads one ("Camat Kembangan", "Kecamatan Penjaringan",
     * "di Kemayoran") or inside an address ("Kali Serdang, Kemayoran, Jakarta Pusat").
     */
    static boolean placeContext(String sentence, int wordStart) {
        int previous = wordBeforeSpaces(sentence, wordStart);
        if (previous >= 0 && PLACE_HEADS.contains(sentence.substring(previous, lettersEnd(sentence, previous))
                .toLowerCase(Locale.ROOT))) {
            return true;
        }
        return afterAddressPart(sentence, wordStart) && addressPartAt(sentence, wordStart);
    }

    // The scans below stand for expressions that ran over the whole text before each capitalised word, a cost that
    // grew with the square of a sentence's length; each gives exactly what its expression gave (\p{L} is
    // Character.isLetter, \p{Lu} the category UPPERCASE_LETTER, \s the six ASCII spaces).

    /**
     * Where the last word of {@code text[0, end)} starts when only spaces follow it, or -1: the start of what
     * {@code (\p{L}+)\s+$} finds ({@code $} may stand before a final line terminator when {@code find}s).
     */
    static int wordBeforeSpaces(String text, int end) {
        int i = end;
        if (i > 0 && isLineTerminatorOutsideSpaces(text.charAt(i - 1))) {
            i--;
        }
        int spacesEnd = i;
        while (i > 0 && isRegexSpace(text.charAt(i - 1))) {
            i--;
        }
        if (i == spacesEnd) {
            return -1;
        }
        int start = lettersStart(text, i);
        return start == i ? -1 : start;
    }

    /** What {@code (\p{Lu}\p{L}+)\s+$} finds in {@code text[0, end)}: where it starts, or -1. */
    static int capitalisedBefore(String text, int end) {
        int run = wordBeforeSpaces(text, end);
        return run < 0 ? -1 : capitalWithLetterAfter(text, run, lettersEnd(text, run));
    }

    /** The first upper-case letter in {@code text[from, to)} with a letter after it there, or -1. */
    private static int capitalWithLetterAfter(String text, int from, int to) {
        for (int i = from; i < to; ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (next < to && Character.getType(codePoint) == Character.UPPERCASE_LETTER) {
                return i;
            }
            i = next;
        }
        return -1;
    }

    /** Whether {@code text[0, end)} matches {@code (?s).*\p{Lu}\p{L}+,\s+} whole ("Kali Serdang, "). */
    static boolean afterAddressPart(String text, int end) {
        int i = end;
        while (i > 0 && isRegexSpace(text.charAt(i - 1))) {
            i--;
        }
        if (i == end || i == 0 || text.charAt(i - 1) != ',') {
            return false;
        }
        int comma = i - 1;
        return capitalWithLetterAfter(text, lettersStart(text, comma), comma) >= 0;
    }

    /** Whether {@code text} from {@code start} matches {@code (?s)\p{L}+,\s+\p{Lu}.*} ("Kemayoran, Jakarta"). */
    static boolean addressPartAt(String text, int start) {
        int i = lettersEnd(text, start);
        if (i == start || i >= text.length() || text.charAt(i) != ',') {
            return false;
        }
        int spaces = ++i;
        while (i < text.length() && isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i > spaces && i < text.length()
                && Character.getType(text.codePointAt(i)) == Character.UPPERCASE_LETTER;
    }

    /** The end of the run of letters that starts at {@code start} ({@code start} itself when none does). */
    private static int lettersEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (!Character.isLetter(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /** The start of the run of letters that ends at {@code end} ({@code end} itself when none does). */
    private static int lettersStart(String text, int end) {
        int i = end;
        while (i > 0) {
            int codePoint = text.codePointBefore(i);
            if (!Character.isLetter(codePoint)) {
                break;
            }
            i -= Character.charCount(codePoint);
        }
        return i;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The line terminators before which {@code $} also matches that {@code \s} does not hold. */
    private static boolean isLineTerminatorOutsideSpaces(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isAcronym(String word) {
        return word.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    /**
     * The length of a headline that opens a sentence without a full stop of its own ("ABG Tewas Diseruduk Mobil
     * Boks di Pasar Slipi Seorang remaja…"), or 0. A headline is a run of capitalised words, numbers and short
     * joining words with a predicate in it (a verb such as Tewas, Diperbaiki, Targetkan, or a number opening it);
     * the sentence after it starts at the last capitalised word before the first lower-case word. A sentence that
     * opens with a title and a name ("Kepala Dinas Kesehatan DKI Jakarta Dien Emmawati mengatakan…") has no
     * predicate among its capitals and is left whole.
     */
    static int gluedHeadline(String sentence) {
        Matcher token = NON_SPACE_RUN.matcher(sentence);
        List<Integer> starts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        boolean lowerCaseFound = false;
        while (token.find()) {
            String word = withoutQuotesAround(token.group());
            if (word.isEmpty()) {
                continue;
            }
            char first = word.charAt(0);
            if (!Character.isUpperCase(first) && !Character.isDigit(first)
                    && !HEADLINE_JOINERS.contains(word)) {
                lowerCaseFound = true;
                break;
            }
            starts.add(token.start());
            words.add(word);
        }
        int next = words.size() - 1;
        if (!lowerCaseFound || next < 3 || !Character.isUpperCase(words.get(next).charAt(0))) {
            return 0;
        }
        List<String> headline = words.subList(0, next);
        if (HEADLINE_JOINERS.contains(headline.get(headline.size() - 1))
                || headline.stream().filter(word -> Character.isUpperCase(word.charAt(0))).count() < 2) {
            return 0;
        }
        // a quotation straight after a run of capitals ("Angkot Mogok, Tukang Ojek Panen Rezeki "Artinya, …") is
        // no sentence's subject either
        boolean quoteFollows = OPENS_WITH_QUOTE.matcher(sentence.substring(starts.get(next))).matches();
        boolean predicate = Character.isDigit(headline.get(0).charAt(0)) || quoteFollows
                || headline.stream().skip(1).anyMatch(FaithfulnessChecker::verbForm);
        // "Pohon Natal dari Botol Bekas Warga menggunakan…": a headline without a verb the dictionary knows, followed
        // by a sentence that opens with a common word rather than a name ("… DKI Jakarta Dien Emmawati mengatakan"
        // opens with the name and is left whole). Not when the run has a comma (an address: "Jl Kepu Dalam X,
        // Kemayoran, Jakarta Pusat, sangat…") or the opener is an adjective ("Sate Padang Rajo Biru buka…": Biru
        // ends the name)
        String opener = words.get(next).toLowerCase(Locale.ROOT);
        Lexicon.Entry openerEntry = Lexicon.bundled().word(opener);
        boolean sentenceOpensWithWord = !sentence.substring(0, starts.get(next)).contains(",")
                && (reduplicated(opener) || openerEntry != null && openerEntry.translated()
                && !openerEntry.isPlace() && !openerEntry.isAdjective());
        return predicate || sentenceOpensWithWord ? starts.get(next) : 0;
    }

    /**
     * Where a headline that ends a text without a full stop begins ("Seorang menteri bergabung dengan oposisi ABG
     * Tewas Diseruduk Mobil Boks di Pasar Slipi": two headlines of a list run together), or the text's length: a
     * final run of at least three capitalised words with a verb among them, after a lower-case word.
     */
    static int trailingHeadline(String text) {
        String stripped = text.stripTrailing();
        if (stripped.isEmpty() || ".!?…\"”’')".indexOf(stripped.charAt(stripped.length() - 1)) >= 0) {
            return text.length();
        }
        Matcher token = NON_SPACE_RUN.matcher(stripped);
        List<Integer> starts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (token.find()) {
            starts.add(token.start());
            words.add(withoutQuotesAround(token.group()));
        }
        int first = words.size();
        while (first > 0 && !words.get(first - 1).isEmpty() && (Character.isUpperCase(words.get(first - 1).charAt(0))
                || Character.isDigit(words.get(first - 1).charAt(0)) || HEADLINE_JOINERS.contains(words.get(first - 1)))) {
            first--;
        }
        while (first < words.size() && HEADLINE_JOINERS.contains(words.get(first))) {
            first++;
        }
        // the run must follow a lower-case word: a text made only of capitals is a headline as a whole
        if (first == 0 || words.size() - first < 3) {
            return text.length();
        }
        List<String> headline = words.subList(first, words.size());
        boolean predicate = Character.isDigit(headline.get(0).charAt(0))
                || headline.stream().skip(1).anyMatch(FaithfulnessChecker::verbForm);
        return predicate && headline.stream().filter(word -> Character.isUpperCase(word.charAt(0))).count() >= 3
                ? starts.get(first) : text.length();
    }

    /**
     * What {@code QUOTES_AROUND.matcher(token).replaceAll("")} gives for a run of non-spaces, without a matcher per
     * word: the leading opening quotes and brackets, then the trailing punctuation after what is left. The
     * expression's {@code $} also matches before a final line terminator, which a run of non-spaces can end with
     * (U+0085, U+2028, U+2029): such a token goes to the expression.
     */
    static String withoutQuotesAround(String token) {
        int length = token.length();
        char last = token.charAt(length - 1);
        if (last == '\u0085' || last == '\u2028' || last == '\u2029') {
            return QUOTES_AROUND.matcher(token).replaceAll("");
        }
        int start = 0;
        while (start < length && "\"“‘'(".indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        int end = length;
        while (end > start && ",;:\"”’')".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }

    /** A capitalised verb of a headline: "Tewas", "Diperbaiki", "Terjaring", "Targetkan", "Melintas". */
    private static boolean verbForm(String word) {
        if (isAcronym(word) || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        Lexicon.Entry entry = Lexicon.bundled().word(lower);
        if (entry != null) {
            return entry.isVerb();
        }
        Morphology.Analysis analysis = MORPHOLOGY.analyse(lower);
        if (analysis != null && !analysis.entry().isPlace()) {
            return analysis.entry().isVerb() || VERB_PREFIXES.contains(analysis.prefix())
                    || analysis.suffix().equals("kan");
        }
        // an affixed form of a stem the lexicon does not know
        return lower.length() >= 7 && AFFIXED_VERB.matcher(lower).matches();
    }

    /**
     * Whether a statement is attributed to a name: a word of saying within so many words of it ("kata Dien",
     * "Dikatakan Dien", "Dien mengaku"; "said Emmawati", "according to Emmawati", "Emmawati admitted").
     */
    static boolean attributed(String name, String text, Set<String> sayingWords, int within) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String sentence : SentenceSplitter.split(text)) {
            List<String> words = List.of(NON_LETTERS.split(sentence.toLowerCase(Locale.ROOT)));
            for (int i = 0; i < words.size(); i++) {
                if (words.get(i).equals(lower)) {
                    for (int j = Math.max(0, i - within); j <= Math.min(words.size() - 1, i + within); j++) {
                        if (sayingWords.contains(words.get(j))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a name is the subject of a sentence of the text: followed by a lower-case word, as the sentence's first
     * word ("Yayat khawatir") or after an opening phrase ("Since that moment, Pujiastuti routinely…"). In English
     * only the second counts: an English sentence's first word is capitalised whatever it is ("Initial reports"),
     * and the English vocabulary this check knows is not a dictionary.
     */
    static boolean subjectOfSentence(String name, String text, boolean afterOpeningOnly) {
        if (!text.contains(name)) {
            // the expression below, compiled per name, needs the name as written
            return false;
        }
        Pattern subject = Pattern.compile("^(?:[\\p{L}]+(?: [\\p{Ll}]+){0,3}, )" + (afterOpeningOnly ? "" : "?")
                + "[\"“‘']?" + Pattern.quote(name) + "(?:'s|’s)? \\p{Ll}");
        for (String sentence : SentenceSplitter.split(text)) {
            if (subject.matcher(sentence.strip()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Capitalised words of an English text that are neither the source's words nor English words nor known
     * renderings: names the English has that the source does not spell ("Emmawati" for "kata Dien").
     */
    private List<String> unexplainedNames(String english, String sourceFolded) {
        List<String> names = new ArrayList<>();
        Matcher word = ENGLISH_NAME_WORD.matcher(english);
        while (word.find()) {
            String folded = fold(word.group());
            String singular = PLURAL_ENDING.matcher(folded).replaceAll("");
            if (!sourceFolded.contains(folded) && !Lexicon.bundled().isEnglishWord(folded)
                    && !Lexicon.bundled().isEnglishWord(singular)
                    && !ENGLISH_NAMES_OF_TIME.contains(folded) && !renderedWords.contains(folded)
                    && Lexicon.bundled().word(folded) == null) {
                names.add(word.group());
            }
        }
        return names;
    }

    /**
     * A source word that is a typing error for a dictionary word ("Analsis" for analisis, "Nihgt" for night,
     * "Peara" for para) whose English the translation has: one letter added, dropped, changed or two swapped.
     */
    static boolean mistypedWord(String name, String englishFolded) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() < 5 || isAcronym(name)) {
            return false;
        }
        for (String variant : oneEditAway(lower)) {
            Lexicon.Entry entry = Lexicon.bundled().word(variant);
            if (entry != null && entry.translated() && !entry.isPlace()) {
                String head = fold(entry.english().split("[ ,;/]+")[0]);
                String start = head.length() > 5 ? head.substring(0, head.length() - 1) : head;
                // the plain search first: the expression, compiled per variant, runs only where it can match
                if (head.length() >= 4 && englishFolded.contains(start)
                        && Pattern.compile("\\b" + Pattern.quote(start)).matcher(englishFolded).find()) {
                    return true;
                }
            }
            if (Lexicon.bundled().isEnglishWord(variant) && englishFolded.contains(variant)
                    && Pattern.compile("\\b" + Pattern.quote(variant) + "\\b").matcher(englishFolded).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A name whose words are all dictionary words or stems ("Klub Taat Suami", the Obedient Wives Club; "Tata Air",
     * water management), rendered by its meaning: the English paragraph has a run of capitalised words, as many as
     * the name's or more, that are not words of the source and hold the English of one of the name's other words
     * ("Club" for klub). A person's name of dictionary words ("Budi Karya") is not translated word by word, so a
     * dropped person is still caught; a long form followed by its short form ("Badan Amil Zakat Nasional (Baznas)")
     * is left to the rule of long forms, which wants the short form kept.
     */
    private static boolean nameOfDictionaryWordsTranslated(String name, String sourceParagraph, String english,
                                                           String sourceFolded) {
        List<String> run = dictionaryWordRun(name, sourceParagraph);
        if (run.size() < 2 || SHORT_FORM_AFTER.matcher(sourceParagraph).region(sourceParagraph.indexOf(name)
                + name.length(), sourceParagraph.length()).lookingAt()) {
            return false;
        }
        List<String> heads = new ArrayList<>();
        for (String word : run) {
            Lexicon.Entry entry = Lexicon.bundled().word(word.toLowerCase(Locale.ROOT));
            if (!word.equals(name) && entry != null && entry.translated()) {
                String head = fold(entry.english().split("[ ,;/|]+")[0]);
                if (head.length() >= 3) {
                    heads.add(head.substring(0, Math.min(4, head.length())));
                }
            }
        }
        if (heads.isEmpty()) {
            return false;
        }
        Matcher capitalisedRun = ENGLISH_CAPITALISED_RUN.matcher(english);
        while (capitalisedRun.find()) {
            List<String> words = new ArrayList<>(Arrays.asList(capitalisedRun.group().split("\\s+")));
            if (SENTENCE_END_BEFORE.matcher(english.substring(0, capitalisedRun.start())).matches()) {
                // a sentence's first word is capitalised whatever it is ("The Home Affairs Commissioner")
                words.remove(0);
            }
            if (words.size() >= run.size()
                    && words.stream().noneMatch(word -> wordIn(word, sourceFolded))
                    && words.stream().anyMatch(word -> heads.stream().anyMatch(fold(word)::startsWith))) {
                return true;
            }
        }
        return false;
    }

    /** The capitalised words around a name in its sentence that the dictionary knows, the name among them. */
    private static List<String> dictionaryWordRun(String name, String sourceParagraph) {
        int at = sourceParagraph.indexOf(name);
        Lexicon.Entry entry = Lexicon.bundled().word(name.toLowerCase(Locale.ROOT));
        // a place keeps its name in English ("Eropa", "Kaukasus Utara"): not a name of meaning
        if (at < 0 || entry == null || entry.isPlace()) {
            return List.of();
        }
        List<String> before = new ArrayList<>();
        int restEnd = at;
        for (int previous = capitalisedBefore(sourceParagraph, restEnd); previous >= 0;
             previous = capitalisedBefore(sourceParagraph, restEnd)) {
            String word = sourceParagraph.substring(previous, lettersEnd(sourceParagraph, previous));
            if (Lexicon.bundled().word(word.toLowerCase(Locale.ROOT)) == null) {
                break;
            }
            before.add(0, word);
            restEnd = previous;
        }
        List<String> run = new ArrayList<>(before);
        run.add(name);
        Matcher next = CAPITALISED_AFTER.matcher(sourceParagraph);
        int from = at + name.length();
        while (next.find(from) && next.start() == from
                && Lexicon.bundled().word(next.group(1).toLowerCase(Locale.ROOT)) != null) {
            run.add(next.group(1));
            from = next.end();
        }
        return run;
    }

    /**
     * A source word one typing error from a place the dictionary knows ("Slovania" for Slovenia, "Ausrtralia" for
     * Australia) whose English, or its adjective, the translation has ("Slovene", "Australian").
     */
    static boolean mistypedPlace(String name, String english, String englishFolded) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() < MIN_RESPELT_LENGTH || isAcronym(name)) {
            return false;
        }
        for (String variant : oneEditAway(lower)) {
            Lexicon.Entry entry = Lexicon.bundled().word(variant);
            if (entry != null && entry.isPlace() && entry.translated() && variant.charAt(0) == lower.charAt(0)
                    && (englishFolded.contains(fold(entry.english())) || derivedForm(entry.english(), english))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A capitalised word one typing error from another capitalised word of the same source that is no name there
     * ("Kejaksanan Tinggi" beside "Kejaksaan Tinggi", the High Prosecutor's Office): the source's own slip, whose
     * right spelling the English translated. A word of six letters or more with the same initial; two names of the
     * source one letter apart ("Rusdi", "Rusli") are both names, and each is checked.
     */
    static boolean mistypedWordOfTheSource(String name, String source, List<List<String>> names) {
        if (name.length() < 6 || isAcronym(name)) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Matcher word = CAPITALISED_LETTERS.matcher(source);
        while (word.find()) {
            String other = word.group();
            if (other.charAt(0) == name.charAt(0) && !other.equalsIgnoreCase(name)
                    && oneTypingError(lower, other.toLowerCase(Locale.ROOT))
                    && names.stream().noneMatch(group -> group.contains(other))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> oneEditAway(String word) {
        Set<String> variants = new LinkedHashSet<>();
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i <= word.length(); i++) {
            if (i < word.length()) {
                variants.add(word.substring(0, i) + word.substring(i + 1));
            }
            if (i + 1 < word.length()) {
                variants.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
            }
            for (char c : letters.toCharArray()) {
                variants.add(word.substring(0, i) + c + word.substring(i));
                if (i < word.length()) {
                    variants.add(word.substring(0, i) + c + word.substring(i + 1));
                }
            }
        }
        variants.remove(word);
        return variants;
    }

    /** Acronyms the source spells out next to themselves: "long form (ACRONYM)" or "ACRONYM (long form)". */
    static Set<String> expandedAcronyms(String source) {
        Set<String> acronyms = new HashSet<>();
        if (source.indexOf('(') < 0) {
            // both patterns need a parenthesis: without one, nothing to scan for
            return acronyms;
        }
        Matcher inParentheses = ACRONYM_IN_PARENTHESES.matcher(source);
        while (inParentheses.find()) {
            acronyms.add(inParentheses.group(1));
        }
        Matcher beforeParentheses = ACRONYM_BEFORE_PARENTHESES.matcher(source);
        while (beforeParentheses.find()) {
            acronyms.add(beforeParentheses.group(1));
        }
        return acronyms;
    }

    /**
     * The words of long forms that the source follows with their short form in parentheses ("Warung Tegal
     * (warteg)"), where the English keeps that short form and none of the long form's words: the English translated
     * the long form by its meaning.
     */
    static Set<String> longFormsOfKeptShortForms(String source, String englishFolded) {
        Set<String> words = new HashSet<>();
        if (source.indexOf('(') >= 0) {
            Matcher longForm = LONG_FORM_BEFORE_SHORT.matcher(source);
            while (longForm.find()) {
                keptShortForm(Arrays.asList(longForm.group(1).strip().split("\\s+")), longForm.group(2),
                        englishFolded, words);
            }
        }
        if (source.indexOf(',') >= 0) {
            // "Dewan Transisi Nasional, NTC" → "the NTC": an acronym in apposition, with a letter for each word of
            // the long form before it (a list of bodies, "Polda Metro Jaya, Kejaksaan Tinggi, BPKP", has none)
            // tried only at capitals, where its matches start, not at every character of the source
            StartsOnlySearch longForm = StartsOnlySearch.of(LONG_FORM_BEFORE_ACRONYM, source,
                    StartsOnlySearch.UPPER_CASE_LETTER);
            while (longForm.find()) {
                List<String> longWords = Arrays.asList(longForm.group(1).strip().split("\\s+"));
                if (longWords.size() >= 2 && longWords.size() == longForm.group(2).length()) {
                    keptShortForm(longWords, longForm.group(2), englishFolded, words);
                }
            }
        }
        return words;
    }

    private static void keptShortForm(List<String> longWords, String shortForm, String englishFolded,
                                      Set<String> words) {
        // translated as a whole: none of the long form's words is kept ("Nigeria Security Printing and Minting
        // Company (NSPMC)" with "Minting Company" dropped from the English is a name cut short)
        if (wordIn(shortForm, englishFolded)
                && longWords.stream().noneMatch(word -> word.length() >= 3 && wordIn(word, englishFolded))) {
            words.addAll(longWords);
        }
    }

    private static boolean wordIn(String word, String textFolded) {
        String folded = fold(word);
        // the plain search first: the expression, compiled per word, runs only where it can match
        return textFolded.contains(folded)
                && Pattern.compile("\\b" + Pattern.quote(folded) + "\\b").matcher(textFolded).find();
    }

    /** Most words capitalised: a headline or a title-case line, where capitals do not mark names. */
    private static boolean headline(String sentence) {
        // the words' bounds, not copies of them: only their length and first letter count
        int[] long_ = {0};
        int[] capitalised = {0};
        NON_LETTERS.forEachPiece(sentence, (start, end) -> {
            if (end - start >= 4) {
                long_[0]++;
                capitalised[0] += Character.isUpperCase(sentence.charAt(start)) ? 1 : 0;
            }
        });
        // a headline has no full stop, and hardly a lower-case word: a sentence naming offices has both
        return long_[0] >= 3 && capitalised[0] >= 0.85 * long_[0] && !ENDS_A_SENTENCE.matcher(sentence.strip()).matches();
    }

    /**
     * An affixed form of a dictionary word ("Tergenang", flooded; "Targetkan", targets), as the offline engine's
     * morphology takes it apart: a verb or noun, not a name.
     */
    private static boolean inflectedWord(String word) {
        if (word.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
            return false;
        }
        Morphology.Analysis analysis = MORPHOLOGY.analyse(word.toLowerCase(Locale.ROOT));
        return analysis != null && !analysis.entry().isPlace()
                && !(analysis.prefix().isEmpty() && analysis.suffix().isEmpty());
    }

    /** A word that is neither in the lexicon (as a word or a stem) nor an affixed form of one, nor an acronym. */
    private static boolean unknownWord(String word) {
        if (word.length() < 4 || word.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (reduplicated(lower)) {
            return false;
        }
        // "Penertiban", "Diperbaiki", "Kondisinya": an affixed form the lexicon does not list is a word, not a name;
        // so is a known stem with -an or peN- ("Tayangan", "Bentrokan", "Pengunjuk rasa") opening a sentence
        return Lexicon.bundled().word(lower) == null && MORPHOLOGY.analyse(lower) == null
                && !(AFFIXED.matcher(lower).matches() && !arabicNameInLlah(lower)) && !suffixedStem(lower)
                && NOUN_PREFIX.matcher(lower).results().noneMatch(prefix -> knownStem(restored(lower, prefix)));
    }

    /**
     * "Saefullah", "Abdullah", "Ubaidillah": Arabic names in -ullah, -illah, -allah (of Allah) end like a word with the
     * particle -lah, but no Indonesian base word the particle attaches to ends in a double l: such a word opening a
     * sentence ("Saefullah mengatakan…") is a person's name, not an affixed word.
     */
    static boolean arabicNameInLlah(String lower) {
        return lower.length() >= 6 && (lower.endsWith("ullah") || lower.endsWith("illah") || lower.endsWith("allah"));
    }

    /**
     * "Segmen-segmen", "Karya-karyanya", "Laporan-laporan": a reduplicated plural is a word, wherever it stands (a
     * sentence glued to a headline does not start a sentence for this check).
     */
    private static boolean reduplicated(String lower) {
        int hyphen = lower.indexOf('-');
        return hyphen > 0 && lower.startsWith(lower.substring(0, hyphen), hyphen + 1);
    }

    /**
     * A noun made from a known stem with pe(N)-/per-/ke- and -an ("Perbendaharaan", treasury; "Pengelolaan"), which
     * English translates: a word, not a name, where it opens a sentence or follows an office word (see
     * {@link #officeWordBefore}).
     */
    private static boolean derivedNoun(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (!lower.endsWith("an") || isAcronym(word)) {
            return false;
        }
        String withoutSuffix = lower.substring(0, lower.length() - 2);
        Matcher prefix = NOUN_PREFIX.matcher(withoutSuffix);
        return prefix.find() && knownStem(restored(withoutSuffix, prefix.toMatchResult()));
    }

    /**
     * A known stem of six letters or more with -an ("Bentrokan", "Tayangan"). Shorter stems are left out: with them,
     * names such as "Kasiman" (kasim) and "Taliban" (talib) would pass for words.
     */
    private static boolean suffixedStem(String lower) {
        return lower.endsWith("an") && lower.length() - 2 >= 6 && knownStem(lower.substring(0, lower.length() - 2));
    }

    /** The stem after a nasal prefix, whose first sound the prefix may have taken: pen-yakit → sakit. */
    private static String restored(String word, MatchResult prefix) {
        String rest = word.substring(prefix.end());
        return prefix.group().equals("peny") ? "s" + rest : rest;
    }

    /** A stem of five letters or more that the lexicon or the dictionary's stem list knows. */
    private static boolean knownStem(String stem) {
        return stem.length() >= 5 && Lexicon.bundled().word(stem) != null;
    }

    /**
     * A capitalised dictionary word inside a name ("Badan Meteorologi") is translated with the name, so it is not
     * checked; acronyms, unknown words and places are.
     */
    private static boolean commonWord(String word) {
        if (word.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
            return false;
        }
        Lexicon.Entry entry = Lexicon.bundled().word(word.toLowerCase(Locale.ROOT));
        if (entry != null && entry.translated() && !entry.isPlace()) {
            return true;
        }
        // "Antarklub" (inter-club), "Pascasarjana" (postgraduate): a dictionary word behind a prefix written onto it
        Matcher compound = PREFIX_OF_COMPOUND.matcher(word);
        if (compound.lookingAt() && word.length() - compound.end() >= 4) {
            Lexicon.Entry rest = Lexicon.bundled().word(word.substring(compound.end()).toLowerCase(Locale.ROOT));
            if (rest != null && rest.translated() && !rest.isPlace()) {
                return true;
            }
        }
        // "Namanya" (its name), capitalised by a typing error of the source: a common word with -nya attached; so is
        // a stem of the dictionary with -nya ("Janjinya", its promise, after a headline the sentence is glued to)
        String base = NYA_ENDING.matcher(word).replaceAll("");
        return !base.equals(word) && base.length() >= 3
                && (commonWord(base) || knownStem(base.toLowerCase(Locale.ROOT)));
    }

    /**
     * An initial or a one- or two-letter part of a name ("JK" of "JK Rowling") before a last word that the English
     * keeps: the person is named by the surname. The same holds for the two-letter kind of a body before its name
     * ("PD Pasar Jaya" → Slipi Market, "PO Sumba Putra" → Sumba Putra Bus).
     */
    private boolean initialsOfKeptName(List<String> names, int index, String english, String englishFolded,
            Collection<NamedEntity> entities) {
        String name = names.get(index);
        return name.length() <= 2 && isAcronym(name) && index < names.size() - 1
                && keptAsName(names.get(names.size() - 1), english, englishFolded, entities)
                && names.get(names.size() - 1).length() >= 4 && !isAcronym(names.get(names.size() - 1));
    }

    /**
     * A word of a name that the English keeps as a name: written with its capital ("British American Tobacco" is not
     * kept by "tobacco companies"), or rendered in a known way.
     */
    private boolean keptAsName(String word, String english, String englishFolded, Collection<NamedEntity> entities) {
        if (!rendered(word, english, englishFolded, entities)) {
            return false;
        }
        if (!englishFolded.contains(fold(word))) {
            return true;
        }
        // matched as written: a name's word is written with its capital, unless a known rendering is that word
        return unaccented(english).contains(unaccented(word)) || renderings.containsKey(word);
    }

    private static String unaccented(String text) {
        return COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    private boolean rendered(String name, String english, String englishFolded, Collection<NamedEntity> entities) {
        if (englishFolded.contains(fold(name))) {
            return true;
        }
        // -nya and possessives stay attached in Indonesian: "Rutte-nya" is still Rutte
        // and so does a possessive, "Fight's Club" → "Fight Club's"
        String base = POSSESSIVE_ENDING.matcher(NYA_ENDING.matcher(name).replaceAll("")).replaceAll("");
        if (!base.equals(name) && englishFolded.contains(fold(base))) {
            return true;
        }
        // "Badung-Bali" → "Badung Regency (Bali)": each part of a hyphenated name on its own
        if (base.contains("-") && Arrays.stream(base.split("-"))
                .filter(part -> part.length() >= 3 && !NOT_NAMES.contains(part.toLowerCase(Locale.ROOT))
                        && !IndonesianCalendar.isMonthOrDay(part.toLowerCase(Locale.ROOT)))
                .allMatch(part -> rendered(part, english, englishFolded, entities))) {
            return true;
        }
        for (String cognate : cognates(name)) {
            if (englishFolded.contains(cognate)) {
                return true;
            }
        }
        List<String> known = new ArrayList<>(renderings.getOrDefault(name, List.of()));
        // "Kemenpera" → Public Housing Ministry: an abbreviation of a kind of body, whose English is a description
        prefixRenderings.forEach((prefix, descriptions) -> {
            if (name.length() > prefix.length() && name.startsWith(prefix)) {
                known.addAll(descriptions);
            }
        });
        Lexicon.Entry entry = Lexicon.bundled().word(name.toLowerCase(Locale.ROOT));
        if (entry != null && entry.isPlace() && entry.translated()) {
            // the lexicon's English for a place: "Spanyol" → Spain
            known.add(entry.english());
        }
        for (String rendering : known) {
            if (englishFolded.contains(fold(rendering)) || derivedForm(rendering, english)
                    || referredToByDistinctiveWord(rendering, english)) {
                return true;
            }
        }
        // "Sekda Provinsi DKI Jakarta" → "City Secretary": a city that news calls "the city" names its bodies the
        // City's or the Provincial one ("City Secretary", "City Parks Agency", "Provincial Council")
        if ((english.contains("City ") || english.contains("Provincial "))
                && known.stream().anyMatch(rendering -> rendering.equalsIgnoreCase("the city"))
                && BODY_OF_THE_CITY.matcher(english).find()) {
            return true;
        }
        if (shortenedPlaceWithDirection(name, english)) {
            return true;
        }
        for (NamedEntity entity : entities) {
            if (entity.name() != null && entity.english() != null && entity.name().contains(name)
                    && englishFolded.contains(fold(entity.english()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Korut" → "the North" (North Korea), "AS" → "the States": English refers back to a place or body of several
     * words by the distinctive one, after "the". A distinctive word is a capitalised word of the rendering of four
     * letters or more; the English must write it capitalised, as a name.
     */
    private static boolean referredToByDistinctiveWord(String rendering, String english) {
        if (!rendering.contains(" ")) {
            return false;
        }
        for (String word : rendering.split(" ")) {
            // the plain search first: the expression, compiled per word, runs only where it can match
            if (word.length() >= 4 && Character.isUpperCase(word.charAt(0)) && word.chars().allMatch(Character::isLetter)
                    && english.contains("he " + word)
                    && Pattern.compile("\\b[Tt]he " + word + "\\b").matcher(english).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Mersel" (Meruya Selatan) → "Meruyaselatan", "Sumut" (Sumatera Utara) → "North Sumatra": a place shortened, as
     * Indonesian news does, to the first syllable(s) of its name and of the direction word after it. Accepted when
     * the English has a word starting with that first part next to the direction, in Indonesian or English, or
     * written as one word with it.
     */
    static boolean shortenedPlaceWithDirection(String name, String english) {
        Matcher shortened = SHORTENED_PLACE.matcher(name);
        if (!shortened.matches()) {
            return false;
        }
        String head = Pattern.quote(shortened.group(1));
        String direction = "(?:" + DIRECTION_SYLLABLES.get(shortened.group(2)) + ")";
        return Pattern.compile("\\b" + direction + "\\s+" + head + "\\p{L}*|\\b" + head + "\\p{L}*?\\s*"
                + direction + "\\b", Pattern.CASE_INSENSITIVE).matcher(english).find();
    }

    /**
     * The adjective or demonym of a place: Spain → Spanish, Mexico → Mexican, Greece → Greek, Java → Javanese: a
     * capitalised English word that starts like the rendering less its last one or two letters.
     */
    private static boolean derivedForm(String rendering, String english) {
        if (rendering.length() < 4 || rendering.contains(" ") || !Character.isUpperCase(rendering.charAt(0))) {
            return false;
        }
        String stem = rendering.substring(0, rendering.length() - (rendering.length() >= 6 ? 2 : 1));
        if (rendering.endsWith("land") && rendering.length() >= 7) {
            // Finland → Finns, Thailand → Thai, Scotland → Scots: the people of a "-land" are named without it
            stem = rendering.substring(0, rendering.length() - 4);
        }
        return english.contains(stem)
                && Pattern.compile("\\b" + Pattern.quote(stem) + "\\p{Ll}*").matcher(english).find();
    }

    /**
     * A name the English has, but spelt differently ("Rute" for "Rutte"): a capitalised word one or two edits away,
     * starting with the same letter.
     */
    static boolean misspelt(String name, String english) {
        if (name.length() < 4) {
            return false;
        }
        Matcher words = CAPITALISED_WORD.matcher(english);
        while (words.find()) {
            String word = words.group();
            if (word.charAt(0) == name.charAt(0) && !word.equalsIgnoreCase(name)
                    && Math.abs(word.length() - name.length()) <= 2
                    && EditDistance.between(word.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))
                    <= (name.length() >= 7 ? 2 : 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The English word a name is spelt as when the two are one typing error apart ("Gaddafi" for "Gaddadi",
     * "Chavez" for "Chaves", "Changcuters" for "Changucters"): a capitalised word with the same initial, one letter
     * added, dropped, changed or two swapped, in a name of at least five letters, and not itself a word of the
     * source (which would be another name). {@code null} when there is none.
     */
    static String respelt(String name, String english, String sourceFolded) {
        if (name.length() < MIN_RESPELT_LENGTH || name.contains("-")) {
            return null;
        }
        Matcher words = ENGLISH_CAPITALISED_WORD.matcher(english);
        while (words.find()) {
            String word = words.group();
            // the cheap tests first: the whole-word search in the source compiles a pattern for the word
            if (word.charAt(0) == name.charAt(0) && !word.equalsIgnoreCase(name)
                    && oneTypingError(name.toLowerCase(Locale.ROOT), word.toLowerCase(Locale.ROOT))
                    && !wordIn(word, sourceFolded)) {
                return word;
            }
        }
        return null;
    }

    /** One letter added, dropped or changed, or two neighbours swapped. */
    static boolean oneTypingError(String a, String b) {
        if (a.length() != b.length()) {
            return Math.abs(a.length() - b.length()) == 1 && EditDistance.between(a, b) == 1;
        }
        int first = -1;
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = first < 0 ? i : first;
                differences++;
            }
        }
        return differences == 1 || differences == 2 && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
    }

    /**
     * English spellings of an Indonesian loanword inside a name: {@code Klimatologi} → climatology,
     * {@code Teknologi} → technology, {@code Universitas} → university (a heuristic: enough for names of bodies).
     */
    static List<String> cognates(String word) {
        String w = fold(word);
        List<String> forms = new ArrayList<>();
        String[][] endings = {{"logi", "logy"}, {"grafi", "graphy"}, {"sika", "sics"}, {"ika", "ics"},
                {"asi", "ation"}, {"si", "sion"}, {"tas", "ty"}, {"isme", "ism"}, {"ik", "ic"}, {"al", "al"}};
        // Indonesian spelling of a foreign name or loanword: Kongo → Congo, Meksiko → Mexico, Departemen → department
        String foreign = w.replace("ks", "x").replace("k", "c");
        if (w.length() >= 4 && !foreign.equals(w)) {
            forms.add(foreign);
        }
        if (w.endsWith("ur") && w.length() >= 6) {
            // prosedur → procedure, struktur → structure: a Latin c before e and i is written s
            forms.add(SOFT_C.matcher(foreign).replaceAll("c") + "e");
        }
        if (w.endsWith("men") && w.length() >= 6) {
            // dokumen → document; departemen, apartemen → department, apartment
            forms.add(foreign + "t");
            if (foreign.matches(".*[^aeiou]emen")) {
                forms.add(foreign.substring(0, foreign.length() - 4) + "ment");
            }
        }
        for (String[] ending : endings) {
            if (w.endsWith(ending[0]) && w.length() > ending[0].length() + 2) {
                String stem = w.substring(0, w.length() - ending[0].length())
                        .replace("k", "c").replace("f", "ph");
                forms.add(stem + ending[1]);
            }
        }
        return forms;
    }

    /**
     * The note for a name the English lacks when its kind is one whose losses are mostly renderings by meaning (an
     * acronym, a dictionary word: see {@link MissingNameKind}), or {@code null} when the loss is a flag. A name the
     * English writes misspelt stays a flag whatever its kind, and so does every person's name.
     */
    private static String noteInsteadOfFlag(String name, List<String> group, String sourceParagraph, String english,
                                            Collection<NamedEntity> entities) {
        if (misspelt(name, english)) {
            return null;
        }
        MissingNameKind kind = MissingNameKind.of(name, group, sourceParagraph, entities);
        return kind.flagged() ? null : kind.note(name);
    }

    private static List<String> withTitle(String title, List<String> paragraphs) {
        if (title == null) {
            return paragraphs;
        }
        List<String> all = new ArrayList<>();
        all.add(title);
        all.addAll(paragraphs);
        return all;
    }

    private static String fold(String text) {
        if (ascii(text)) {
            // nothing to decompose, no accent to drop: the common case, without the normaliser's copies
            return text.toLowerCase(Locale.ROOT);
        }
        String decomposed = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return decomposed.toLowerCase(Locale.ROOT);
    }

    private static boolean ascii(String text) {
        if (text.length() < 64) {
            // a word: the loop costs less than the copy below
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }
        // every character from 0x80 on takes two bytes or more in UTF-8, and the JDK encodes a Latin-1 string
        // without one as a plain copy: faster under the job's C1 than a loop of charAt over a whole article. (An
        // unpaired surrogate is encoded as one '?', and taken for ASCII: folding leaves it as it is either way.)
        return text.getBytes(StandardCharsets.UTF_8).length == text.length();
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Map<String, List<String>> loadRenderings() {
        try (InputStream in = FaithfulnessChecker.class.getResourceAsStream("/faithfulness/renderings.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource /faithfulness/renderings.tsv missing");
            }
            Map<String, List<String>> renderings = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                renderings.put(columns[0].strip(), List.of(columns[1].strip().split("\\|")));
            }
            return Map.copyOf(renderings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value worked out when it is first needed, and then kept. */
    private static final class Once<T> {
        private Supplier<T> supplier;
        private T value;

        Once(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (supplier != null) {
                value = supplier.get();
                supplier = null;
            }
            return value;
        }
    }

    /** Accumulates weighted check outcomes and the named failures. */
    private static final class Score {
        private final List<String> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private double weighted;
        private double weights;

        void fail(String failure) {
            failures.add(failure);
        }

        void note(String note) {
            notes.add(note);
        }

        void add(double weight, double passedShare) {
            weighted += weight * passedShare;
            weights += weight;
        }

        CheckResult result() {
            return new CheckResult(failures, weights == 0 ? 1 : round(weighted / weights), notes);
        }
    }
}
