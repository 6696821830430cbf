package dev.warta.offline;

import dev.warta.text.IndonesianCalendar;

import dev.warta.article.Glossary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Word-by-word Indonesian → English with the glossary, lexicon phrases, morphology, number and date formatting and
 * a few reorderings that hold reliably (noun + adjective, noun + nationality, noun + ini/itu, noun + possessive
 * pronoun, day + month). Names and unknown words are kept as written. Immutable: safe for concurrent use.
 */
public final class GistTranslator {

    /**
     * A translated text with how much of it the lexicon covered.
     *
     * @param english     the gist
     * @param words       Indonesian words that needed a translation (names, numbers and punctuation not counted)
     * @param translated  how many of those found a lexicon rendering
     */
    public record Gist(String english, int words, int translated) {
        public double coverage() {
            return words == 0 ? 1.0 : (double) translated / words;
        }
    }

    private enum Kind { WORD, NAME, UNKNOWN, NUMBER, PUNCT, GLOSSARY }

    /** One output piece; mutable only while one call builds its sentence. */
    private static final class Unit {
        String text;
        final Kind kind;
        final String pos;
        final String lower;
        final boolean spaceBefore;
        final boolean sentenceStart;
        final boolean capitalised;
        final Morphology.Analysis analysis;
        boolean plural;

        Unit(String text, Kind kind, String pos, String lower, boolean spaceBefore, boolean sentenceStart,
             boolean capitalised, Morphology.Analysis analysis) {
            this.text = text;
            this.kind = kind;
            this.pos = pos;
            this.lower = lower;
            this.spaceBefore = spaceBefore;
            this.sentenceStart = sentenceStart;
            this.capitalised = capitalised;
            this.analysis = analysis;
        }

        boolean removed() {
            return text.isEmpty();
        }

        boolean isCommonNoun() {
            return kind == Kind.WORD && pos.equals("n");
        }

        boolean isWord(String source) {
            return (kind == Kind.WORD || kind == Kind.UNKNOWN) && source.equals(lower);
        }
    }

    /** Country (as the lexicon renders it) → adjective, for "tentara Rusia" → "Russian soldiers". */
    private static final Map<String, String> DEMONYMS = Map.ofEntries(
            Map.entry("Indonesia", "Indonesian"), Map.entry("Russia", "Russian"), Map.entry("China", "Chinese"),
            Map.entry("Japan", "Japanese"), Map.entry("America", "American"), Map.entry("United States", "US"),
            Map.entry("Malaysia", "Malaysian"), Map.entry("Singapore", "Singaporean"), Map.entry("Australia", "Australian"),
            Map.entry("India", "Indian"), Map.entry("Thailand", "Thai"), Map.entry("Philippines", "Philippine"),
            Map.entry("Vietnam", "Vietnamese"), Map.entry("Korea", "Korean"), Map.entry("South Korea", "South Korean"),
            Map.entry("North Korea", "North Korean"), Map.entry("Britain", "British"), Map.entry("England", "English"),
            Map.entry("United Kingdom", "British"), Map.entry("France", "French"), Map.entry("Germany", "German"),
            Map.entry("Netherlands", "Dutch"), Map.entry("Italy", "Italian"), Map.entry("Spain", "Spanish"),
            Map.entry("Ukraine", "Ukrainian"), Map.entry("Iran", "Iranian"), Map.entry("Iraq", "Iraqi"),
            Map.entry("Israel", "Israeli"), Map.entry("Palestine", "Palestinian"), Map.entry("Egypt", "Egyptian"),
            Map.entry("Saudi Arabia", "Saudi"), Map.entry("Turkey", "Turkish"), Map.entry("Pakistan", "Pakistani"),
            Map.entry("Afghanistan", "Afghan"), Map.entry("Syria", "Syrian"), Map.entry("Myanmar", "Myanmar"),
            Map.entry("Timor-Leste", "Timorese"), Map.entry("Papua", "Papuan"), Map.entry("Europe", "European"),
            Map.entry("Africa", "African"), Map.entry("Asia", "Asian"), Map.entry("Brazil", "Brazilian"),
            Map.entry("Mexico", "Mexican"), Map.entry("Canada", "Canadian"), Map.entry("Arab", "Arab"),
            Map.entry("Greece", "Greek"), Map.entry("Poland", "Polish"), Map.entry("Sweden", "Swedish"),
            Map.entry("Norway", "Norwegian"), Map.entry("Brunei", "Bruneian"), Map.entry("Cambodia", "Cambodian"),
            Map.entry("Laos", "Lao"), Map.entry("Taiwan", "Taiwanese"), Map.entry("Nigeria", "Nigerian"),
            Map.entry("Kenya", "Kenyan"), Map.entry("Argentina", "Argentine"), Map.entry("Cuba", "Cuban"),
            Map.entry("Lebanon", "Lebanese"), Map.entry("Jordan", "Jordanian"), Map.entry("Yemen", "Yemeni"),
            Map.entry("Qatar", "Qatari"), Map.entry("Kuwait", "Kuwaiti"), Map.entry("Bangladesh", "Bangladeshi"),
            Map.entry("Sri Lanka", "Sri Lankan"), Map.entry("Nepal", "Nepalese"), Map.entry("Switzerland", "Swiss"),
            Map.entry("Belgium", "Belgian"), Map.entry("Austria", "Austrian"), Map.entry("Denmark", "Danish"),
            Map.entry("Finland", "Finnish"), Map.entry("Portugal", "Portuguese"), Map.entry("Scotland", "Scottish"),
            Map.entry("Ireland", "Irish"), Map.entry("Chile", "Chilean"), Map.entry("Peru", "Peruvian"),
            Map.entry("Colombia", "Colombian"), Map.entry("Venezuela", "Venezuelan"), Map.entry("Libya", "Libyan"),
            Map.entry("Sudan", "Sudanese"), Map.entry("Somalia", "Somali"), Map.entry("Ethiopia", "Ethiopian"));

    /** Words after which the next noun is plural in English. */
    private static final Set<String> PLURAL_QUANTIFIERS = Set.of(
            "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "belasan", "puluhan",
            "ratusan", "ribuan", "jutaan", "beberapa", "banyak", "sejumlah", "berbagai", "pelbagai", "semua",
            "para", "sebagian", "kebanyakan", "mayoritas", "segenap");

    /** Nouns English does not pluralise after a number (3 percent, 5 kg). */
    private static final Set<String> UNCOUNTED = Set.of("persen", "kg", "km", "rupiah", "rp", "us", "ton");

    /** Adjectives that are part of institution and event names, and translated there (Sidang Umum → General Assembly). */
    private static final Set<String> INSTITUTION_ADJECTIVES = Set.of(
            "umum", "baru", "pertama", "kedua", "ketiga", "nasional", "internasional", "utara", "selatan", "timur",
            "barat", "tengah", "raya", "besar", "tinggi", "negeri", "pusat", "khusus", "luar", "dalam",
            "tertinggi", "terbuka", "bersatu", "serikat", "merdeka", "islam", "kristen", "katolik");

    private static final Set<String> SCALE_WORDS = Set.of("ribu", "juta", "miliar", "milyar", "triliun", "puluh", "ratus", "belas");

    private static final Map<String, String> POSSESSIVE_PRONOUNS = Map.of(
            "saya", "my", "aku", "my", "kami", "our", "kita", "our", "mereka", "their", "anda", "your",
            "beliau", "his", "dia", "his", "kalian", "your");

    private static final Set<String> PERSON_NOUNS = Set.of(
            "people", "person", "man", "men", "woman", "women", "child", "children", "official", "officials",
            "resident", "residents", "citizen", "citizens", "student", "students", "member", "members", "worker",
            "workers", "farmer", "farmers", "soldier", "soldiers", "victim", "victims", "leader", "leaders",
            "minister", "president", "candidate", "candidates", "suspect", "suspects", "police", "officer",
            "officers", "teacher", "teachers", "voter", "voters", "patient", "patients", "someone", "those", "he",
            "she", "they", "who", "athlete", "athletes", "player", "players", "community", "public");

    private static final Set<String> DETERMINERS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
            "every", "each", "some", "any", "no");

    private final Lexicon lexicon;
    private final Morphology morphology;
    private final Map<String, List<List<String>>> glossaryByFirstWord;
    private final Map<String, String> glossaryEnglish;

    public GistTranslator(Lexicon lexicon, Glossary glossary) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.morphology = new Morphology(lexicon);
        Objects.requireNonNull(glossary, "glossary");
        Map<String, List<List<String>>> byFirst = new HashMap<>();
        Map<String, String> english = new HashMap<>();
        glossary.entries().forEach((term, rendering) -> {
            List<String> words = Tokenizer.tokenize(term).stream().map(Tokenizer.Token::text).toList();
            if (!words.isEmpty()) {
                byFirst.computeIfAbsent(words.get(0).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(words);
                english.put(String.join(" ", words), rendering);
            }
        });
        // Longest term first, so "Wakil Presiden" wins over "Presiden".
        byFirst.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.size(), a.size())));
        this.glossaryByFirstWord = byFirst;
        this.glossaryEnglish = english;
    }

    /** Translates a text (a title, a paragraph or a sentence) into an English gist. */
    public Gist translate(String text) {
        Objects.requireNonNull(text, "text");
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);
        if (isAllCaps(tokens)) {
            tokens = Tokenizer.tokenize(capitaliseWords(text.toLowerCase(Locale.ROOT)));
        }
        int[] counts = new int[2];
        boolean headline = isTitleCase(tokens);
        List<Unit> units = buildUnits(tokens, counts, headline);
        dropDayBeforeDayName(units);
        applyDates(units);
        applyPlurals(units);
        applyNounModifiers(units);
        applyDeterminers(units);
        applyPassives(units);
        applyPerfects(units);
        applyAdverbs(units);
        applyProgressive(units);
        applyArticles(units, headline);
        applyRelativePronouns(units);
        capitaliseSentenceStarts(units);
        return new Gist(render(units), counts[0], counts[1]);
    }

    // ---- lookup -------------------------------------------------------------------------------------------------

    /**
     * Headlines are often Written Like This: then capitals say nothing about names, and every word is looked up
     * (unknown ones are still kept as written).
     */
    static boolean isTitleCase(List<Tokenizer.Token> tokens) {
        int words = 0;
        int capitalised = 0;
        for (Tokenizer.Token token : tokens) {
            if (token.type() == Tokenizer.Type.WORD && token.text().length() > 3) {
                words++;
                if (Character.isUpperCase(token.text().charAt(0))) {
                    capitalised++;
                }
            }
        }
        return words >= 3 && capitalised * 10 >= words * 8;
    }

    /** A text in capitals only, as some headlines are: it is read as if in lower case. */
    static boolean isAllCaps(List<Tokenizer.Token> tokens) {
        int words = 0;
        for (Tokenizer.Token token : tokens) {
            if (token.type() == Tokenizer.Type.WORD) {
                if (token.text().chars().anyMatch(Character::isLowerCase)) {
                    return false;
                }
                words++;
            }
        }
        return words >= 3;
    }

    private List<Unit> buildUnits(List<Tokenizer.Token> tokens, int[] counts, boolean titleCase) {
        List<Unit> units = new ArrayList<>(tokens.size());
        boolean sentenceStart = true;
        int i = 0;
        while (i < tokens.size()) {
            Tokenizer.Token token = tokens.get(i);
            int consumed = 1;
            if (token.type() == Tokenizer.Type.PUNCT) {
                units.add(new Unit(token.text(), Kind.PUNCT, "", token.text(), token.spaceBefore(), false, false, null));
                String p = token.text();
                if (".!?".contains(p)) {
                    sentenceStart = true;
                } else if (!"\"'“‘(«".contains(p)) {
                    sentenceStart = false;
                }
                i++;
                continue;
            }
            if (token.type() == Tokenizer.Type.NUMBER) {
                units.add(new Unit(formatNumber(token.text()), Kind.NUMBER, "num", token.text(), token.spaceBefore(),
                        sentenceStart, false, null));
            } else {
                consumed = glossaryMatch(tokens, i, units, sentenceStart);
                if (consumed == 0) {
                    consumed = phraseMatch(tokens, i, units, sentenceStart, counts);
                }
                if (consumed == 0) {
                    Kind previous = previousKind(units);
                    if (!titleCase && startsName(tokens, i)) {
                        previous = Kind.NAME;
                    }
                    units.add(word(token, sentenceStart, previous, counts, titleCase));
                    consumed = 1;
                }
            }
            sentenceStart = false;
            i += consumed;
        }
        return units;
    }

    /**
     * Whether a capitalised word opens a personal name although the lexicon knows it (Wahyu Nurdiyanto, Bayu
     * Santoso): it is followed by a capitalised word the lexicon does not know. Titles, institutions and places
     * (Presiden, Kementerian, Kota) are not names.
     */
    private boolean startsName(List<Tokenizer.Token> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        String word = tokens.get(i).text();
        Tokenizer.Token next = tokens.get(i + 1);
        String lower = word.toLowerCase(Locale.ROOT);
        if (!Character.isUpperCase(word.charAt(0)) || next.type() != Tokenizer.Type.WORD
                || !Character.isUpperCase(next.text().charAt(0)) || !next.spaceBefore()
                || next.text().chars().noneMatch(Character::isLowerCase)) {
            return false;
        }
        if (EntityFinder.PERSON_TITLES.contains(lower) || EntityFinder.ORGANIZATION_WORDS.contains(lower)
                || EntityFinder.PLACE_WORDS.contains(lower) || IndonesianCalendar.isMonthOrDay(lower)) {
            return false;
        }
        Lexicon.Entry entry = lexicon.word(lower);
        if (entry != null && entry.isPlace()) {
            return false;
        }
        String nextLower = next.text().toLowerCase(Locale.ROOT);
        return lexicon.word(nextLower) == null && morphology.analyse(nextLower) == null;
    }

    private static Kind previousKind(List<Unit> units) {
        return units.isEmpty() ? null : units.get(units.size() - 1).kind;
    }

    private int glossaryMatch(List<Tokenizer.Token> tokens, int start, List<Unit> units, boolean sentenceStart) {
        List<List<String>> terms = glossaryByFirstWord.get(tokens.get(start).text().toLowerCase(Locale.ROOT));
        if (terms == null) {
            return 0;
        }
        for (List<String> term : terms) {
            if (start + term.size() > tokens.size()) {
                continue;
            }
            boolean acronym = Glossary.isAcronym(String.join(" ", term));
            boolean matches = true;
            for (int k = 0; k < term.size() && matches; k++) {
                String written = tokens.get(start + k).text();
                matches = acronym ? written.equals(term.get(k)) : written.equalsIgnoreCase(term.get(k));
            }
            if (matches) {
                String english = glossaryEnglish.get(String.join(" ", term));
                units.add(new Unit(english, Kind.GLOSSARY, "n", String.join(" ", term).toLowerCase(Locale.ROOT),
                        tokens.get(start).spaceBefore(), sentenceStart, true, null));
                return term.size();
            }
        }
        return 0;
    }

    private int phraseMatch(List<Tokenizer.Token> tokens, int start, List<Unit> units, boolean sentenceStart,
                            int[] counts) {
        int longest = Math.min(lexicon.longestPhrase(), tokens.size() - start);
        for (int length = longest; length >= 2; length--) {
            StringBuilder key = new StringBuilder();
            boolean allWords = true;
            for (int k = 0; k < length && allWords; k++) {
                Tokenizer.Token t = tokens.get(start + k);
                allWords = t.type() == Tokenizer.Type.WORD && (k == 0 || t.spaceBefore());
                if (k > 0) {
                    key.append(' ');
                }
                key.append(t.text().toLowerCase(Locale.ROOT));
            }
            if (!allWords) {
                continue;
            }
            Lexicon.Entry entry = lexicon.phrase(key.toString());
            if (entry != null && entry.translated()) {
                Tokenizer.Token first = tokens.get(start);
                units.add(new Unit(entry.english(), Kind.WORD, entry.pos(), key.toString(), first.spaceBefore(),
                        sentenceStart, Character.isUpperCase(first.text().charAt(0)), null));
                counts[0] += length;
                counts[1] += length;
                return length;
            }
        }
        return 0;
    }

    private Unit word(Tokenizer.Token token, boolean sentenceStart, Kind previous, int[] counts, boolean titleCase) {
        String text = token.text();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean capitalised = Character.isUpperCase(text.charAt(0));
        boolean acronym = text.length() > 1 && text.chars().noneMatch(Character::isLowerCase);
        if (lower.equals("rp")) {
            return new Unit("IDR", Kind.WORD, "n", lower, token.spaceBefore(), sentenceStart, true, null);
        }
        if (titleCase && capitalised && !acronym) {
            Morphology.Analysis analysis = morphology.analyse(lower);
            if (analysis != null) {
                String english = analysis.entry().isPlace() ? analysis.english() : capitalise(analysis.english());
                return new Unit(english, Kind.WORD, analysis.entry().pos(), lower, token.spaceBefore(), sentenceStart,
                        false, analysis);
            }
        }
        if (acronym || (capitalised && !sentenceStart)) {
            // Mid-sentence capitals are names, titles or places: only a direct lexicon entry may translate them,
            // never a morphological guess (Suharto is not su-harto), and not inside a run of names (Sri Indah).
            Lexicon.Entry direct = acronym ? null : lexicon.word(lower);
            String month = IndonesianCalendar.englishMonth(lower);
            String day = IndonesianCalendar.englishDay(lower);
            if (month != null || day != null) {
                return new Unit(month != null ? month : day, Kind.WORD, "n", lower, token.spaceBefore(), sentenceStart,
                        true, null);
            }
            // A capitalised adjective or verb in mid-sentence is a name (Teguh, Malang, Bank Mandiri), not "firm",
            // "hapless" or "self-sufficient"; titles and institutions are nouns, and the few adjectives that make
            // up institution names (Sidang Umum, Perang Dunia Kedua) are listed.
            boolean nameLike = direct != null && !INSTITUTION_ADJECTIVES.contains(lower) && (direct.isAdjective() || direct.isVerb() || direct.pos().equals("adv"));
            if (direct != null && direct.translated() && previous != Kind.NAME && !nameLike) {
                String english = direct.isPlace() ? direct.english() : capitalise(direct.english());
                return new Unit(english, Kind.WORD, direct.pos(), lower, token.spaceBefore(), sentenceStart, true, null);
            }
            return new Unit(text, Kind.NAME, "name", lower, token.spaceBefore(), sentenceStart, true, null);
        }
        counts[0]++;
        Morphology.Analysis analysis = morphology.analyse(lower);
        if (analysis == null) {
            Kind kind = capitalised ? Kind.NAME : Kind.UNKNOWN;
            if (kind == Kind.NAME) {
                counts[0]--;
            }
            return new Unit(text, kind, kind == Kind.NAME ? "name" : "", lower, token.spaceBefore(), sentenceStart,
                    capitalised, null);
        }
        counts[1]++;
        return new Unit(analysis.english(), Kind.WORD, analysis.entry().pos(), lower, token.spaceBefore(),
                sentenceStart, capitalised, analysis);
    }

    /** {@code hari Senin} → Monday (English needs no "day" before a day name). */
    private static void dropDayBeforeDayName(List<Unit> units) {
        for (int i = 0; i + 1 < units.size(); i++) {
            if (units.get(i).isWord("hari") && IndonesianCalendar.englishDay(units.get(i + 1).lower) != null) {
                units.get(i).text = "";
            }
        }
    }

    // ---- numbers and dates ---------------------------------------------------------------------------------------

    /**
     * Indonesian number punctuation to English: {@code 600.000} → {@code 600,000}, {@code 3,5} → {@code 3.5},
     * {@code 1.250.000,75} → {@code 1,250,000.75}. A dot followed by other than three digits (a time such as
     * {@code 10.30}) is left alone.
     */
    static String formatNumber(String number) {
        String[] decimal = number.split(",", -1);
        if (decimal.length > 2) {
            return number; // 1,2,3: a list, not a number
        }
        String integer = decimal[0];
        String[] groups = integer.split("\\.", -1);
        boolean thousands = groups.length > 1 && groups[0].length() <= 3;
        for (int g = 1; g < groups.length && thousands; g++) {
            thousands = groups[g].length() == 3;
        }
        String integerPart = thousands ? String.join(",", groups) : integer;
        return decimal.length == 2 ? integerPart + "." + decimal[1] : integerPart;
    }

    /** {@code 17 Agustus 1945} → {@code August 17, 1945}; {@code 5 Januari} → {@code January 5}. */
    private static void applyDates(List<Unit> units) {
        for (int i = 0; i + 1 < units.size(); i++) {
            Unit day = units.get(i);
            Unit month = units.get(i + 1);
            if (day.kind != Kind.NUMBER || !day.lower.matches("\\d{1,2}") || IndonesianCalendar.month(month.lower) == null) {
                continue;
            }
            int value = Integer.parseInt(day.lower);
            if (value < 1 || value > 31) {
                continue;
            }
            String date = IndonesianCalendar.englishMonth(month.lower) + " " + value;
            if (i + 2 < units.size() && units.get(i + 2).kind == Kind.NUMBER && units.get(i + 2).lower.matches("\\d{4}")) {
                date += ", " + units.get(i + 2).lower;
                units.get(i + 2).text = "";
            }
            day.text = date;
            month.text = "";
        }
    }

    // ---- reordering and agreement -------------------------------------------------------------------------------

    /** {@code para pejabat} → officials, {@code tiga rumah} → three houses, {@code 5 juta orang} → 5 million people. */
    private static void applyPlurals(List<Unit> units) {
        for (int i = 0; i + 1 < units.size(); i++) {
            Unit quantifier = units.get(i);
            boolean many = (quantifier.kind == Kind.WORD && PLURAL_QUANTIFIERS.contains(quantifier.lower))
                    || (quantifier.kind == Kind.NUMBER && isMoreThanOne(quantifier.lower));
            if (!many) {
                continue;
            }
            int j = i + 1;
            while (j < units.size() && SCALE_WORDS.contains(units.get(j).lower)) {
                j++;
            }
            if (j >= units.size()) {
                break;
            }
            Unit noun = units.get(j);
            if (UNCOUNTED.contains(noun.lower)) {
                continue;
            }
            if (quantifier.lower.equals("para")) {
                quantifier.text = "";
            }
            if (noun.isCommonNoun() && !noun.plural && noun.analysis != null && !noun.analysis.reduplicated()
                    && !English.looksPlural(noun.text)) {
                noun.text = English.plural(noun.text);
                noun.plural = true;
            } else if (noun.isCommonNoun() && noun.analysis == null && !English.looksPlural(noun.text)
                    && noun.text.indexOf(' ') < 0) {
                noun.text = English.plural(noun.text);
                noun.plural = true;
            }
        }
    }

    private static boolean isMoreThanOne(String number) {
        String digits = number.replace(".", "").replace(",", "");
        return digits.length() > 1 || (!digits.isEmpty() && digits.charAt(0) > '1');
    }

    /** Noun + adjective and noun + nationality swap: {@code rumah besar} → big house, {@code tentara Rusia} → Russian soldiers. */
    private static void applyNounModifiers(List<Unit> units) {
        for (int i = 0; i + 1 < units.size(); i++) {
            Unit noun = units.get(i);
            Unit modifier = units.get(i + 1);
            if (modifier.removed() || !modifier.spaceBefore) {
                continue;
            }
            boolean nounLike = noun.isCommonNoun() || (noun.kind == Kind.GLOSSARY && noun.text.indexOf(' ') < 0);
            if (!nounLike || noun.analysis != null && !noun.analysis.possessive().isEmpty()) {
                continue;
            }
            if (modifier.kind == Kind.WORD && modifier.pos.equals("adj") && !modifier.capitalised
                    && modifier.analysis != null
                    && (modifier.analysis.prefix().isEmpty() || modifier.analysis.superlative())
                    && modifier.analysis.possessive().isEmpty()) {
                // rumah besar → big house; putra tertua → oldest son (English wants "the" there too)
                if (modifier.analysis.superlative() && !startsWithDeterminer(noun.text)) {
                    modifier.text = "the " + modifier.text;
                }
                swap(noun, modifier);
                i++;
                continue;
            }
            if (noun.isCommonNoun() && modifier.isCommonNoun() && !modifier.capitalised
                    && !(noun.capitalised && !noun.sentenceStart) && modifier.analysis != null && modifier.analysis.prefix().isEmpty()
                    && modifier.analysis.possessive().isEmpty() && noun.analysis != null
                    && (i + 2 >= units.size() || !units.get(i + 2).isCommonNoun())) {
                // sektor keuangan → finance sector: the Indonesian modifier noun follows its head.
                swap(noun, modifier);
                i++;
                continue;
            }
            if (noun.isCommonNoun() && !noun.capitalised && modifier.kind == Kind.GLOSSARY
                    && Glossary.isAcronym(modifier.lower.toUpperCase(Locale.ROOT)) && modifier.text.contains("(")) {
                // pejabat KPK → Corruption Eradication Commission (KPK) officials: the institution qualifies the noun.
                swap(noun, modifier);
                i++;
                continue;
            }
            String demonym = DEMONYMS.get(modifier.text);
            if (demonym != null && (modifier.kind == Kind.WORD || modifier.kind == Kind.GLOSSARY)) {
                modifier.text = noun.text;
                noun.text = demonym;
                i++;
            }
        }
    }

    private static void swap(Unit a, Unit b) {
        String text = a.text;
        a.text = b.text;
        b.text = text;
    }

    /**
     * Determiners: {@code rumah ini} → this house, {@code rumah itu} → the house, {@code rumah saya} → my house,
     * {@code rumahnya} → the house.
     */
    private static void applyDeterminers(List<Unit> units) {
        for (int i = 1; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (unit.kind != Kind.WORD || unit.capitalised && !unit.sentenceStart) {
                continue;
            }
            int groupStart = nounGroupStart(units, i - 1);
            if (groupStart < 0) {
                continue;
            }
            Unit head = units.get(i - 1);
            String determiner = null;
            if (unit.lower.equals("ini")) {
                determiner = head.plural ? "these" : "this";
            } else if (unit.lower.equals("itu") || unit.lower.equals("tersebut")) {
                determiner = "the";
            } else if (POSSESSIVE_PRONOUNS.containsKey(unit.lower) && !head.pos.equals("v")) {
                determiner = POSSESSIVE_PRONOUNS.get(unit.lower);
            }
            // tiga rumah itu → the three houses: the determiner goes before the number too.
            if (groupStart > 0 && (units.get(groupStart - 1).kind == Kind.NUMBER
                    || PLURAL_QUANTIFIERS.contains(units.get(groupStart - 1).lower))
                    && !units.get(groupStart - 1).removed()) {
                groupStart--;
            }
            if (determiner != null && !startsWithDeterminer(units.get(groupStart).text)) {
                Unit first = units.get(groupStart);
                first.text = determiner + " " + first.text;
                unit.text = "";
            }
        }
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (unit.analysis == null || unit.analysis.possessive().isEmpty() || unit.removed()) {
                continue;
            }
            String clitic = unit.analysis.possessive();
            if (unit.pos.equals("v") || !unit.analysis.prefix().isEmpty() && !unit.analysis.prefix().equals("peN")
                    && !unit.analysis.prefix().equals("ke")) {
                if (clitic.equals("nya")) {
                    unit.text = unit.text + " it";
                }
                continue;
            }
            if (unit.pos.equals("adj") || unit.pos.equals("adv") || unit.pos.equals("prep") || unit.pos.equals("conj")) {
                continue;
            }
            boolean determined = i > 0 && startsWithDeterminer(lastWord(units.get(i - 1).text));
            if (!determined && !startsWithDeterminer(unit.text)) {
                unit.text = (clitic.equals("nya") ? "the " : clitic.equals("ku") ? "my " : "your ") + unit.text;
            }
        }
    }

    /** Start index of the noun group ending at {@code end} (noun, optionally with swapped adjectives), or -1. */
    private static int nounGroupStart(List<Unit> units, int end) {
        Unit last = units.get(end);
        if (last.kind == Kind.GLOSSARY && !last.removed()) {
            return end;
        }
        if (!(last.isCommonNoun() || last.kind == Kind.WORD && last.pos.equals("adj") && end > 0
                && units.get(end - 1).isCommonNoun())) {
            return -1;
        }
        int start = end;
        while (start > 0 && end - start < 2) {
            Unit before = units.get(start - 1);
            boolean partOfGroup = before.kind == Kind.WORD && (before.pos.equals("n") || before.pos.equals("adj"))
                    && !before.removed() && units.get(start).spaceBefore && before.analysis != null
                    && before.analysis.prefix().isEmpty();
            if (!partOfGroup) {
                break;
            }
            start--;
        }
        return start;
    }

    private static boolean startsWithDeterminer(String text) {
        int space = text.indexOf(' ');
        String first = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        return DETERMINERS.contains(first);
    }

    private static String lastWord(String text) {
        return text.substring(text.lastIndexOf(' ') + 1);
    }

    /** di- passives get the auxiliary English needs: {@code akan dibangun} → will be built, {@code dibangun} → was built. */
    private static void applyPassives(List<Unit> units) {
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (unit.analysis == null || !unit.analysis.passive() || unit.removed()) {
                continue;
            }
            String previous = i > 0 ? units.get(i - 1).lower : "";
            String auxiliary = switch (previous) {
                case "akan", "bisa", "dapat", "harus", "perlu", "boleh", "mampu", "mesti", "wajib", "bakal", "untuk" -> "be ";
                case "telah", "sudah", "pernah", "belum" -> "been ";
                case "sedang", "tengah", "masih" -> "being ";
                case "tidak", "tak" -> "";
                default -> "was ";
            };
            unit.text = auxiliary + unit.text;
        }
    }

    /** {@code telah mengevakuasi} → has evacuated: a verb after a perfect marker takes its participle. */
    private static void applyPerfects(List<Unit> units) {
        for (int i = 1; i < units.size(); i++) {
            Unit unit = units.get(i);
            String previous = units.get(i - 1).lower;
            boolean perfect = previous.equals("telah") || previous.equals("sudah") || previous.equals("pernah");
            if (perfect && unit.kind == Kind.WORD && unit.pos.equals("v") && unit.analysis != null
                    && !unit.analysis.passive() && !unit.removed()) {
                unit.text = English.pastParticiple(unit.text);
            }
        }
    }

    /** Prepositions after which English usually wants "the" before a common noun: {@code di kota} → in the city. */
    private static final Set<String> ARTICLE_PREPOSITIONS = Set.of(
            "di", "ke", "dari", "pada", "dalam", "oleh", "terhadap", "tentang", "mengenai", "atas", "dengan", "untuk");

    /**
     * "the" where English needs one and Indonesian has none: a common noun after a preposition ({@code di kota} →
     * in the city) and a singular common noun opening a sentence ({@code Pemerintah mengatakan} → The government
     * said), but not in a headline, which drops articles in English too.
     */
    private static void applyArticles(List<Unit> units, boolean headline) {
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            Unit before = i > 0 ? units.get(i - 1) : null;
            boolean subject = !headline && unit.sentenceStart && !unit.plural
                    && (unit.analysis == null || !unit.analysis.reduplicated());
            if (!subject && (before == null || !ARTICLE_PREPOSITIONS.contains(before.lower) || before.removed())
                    || unit.removed()) {
                continue;
            }
            boolean noun = unit.isCommonNoun() && (!unit.capitalised || unit.sentenceStart) && unit.analysis != null
                    && unit.analysis.possessive().isEmpty();
            if (noun && !startsWithDeterminer(unit.text)) {
                unit.text = "the " + unit.text;
            }
        }
    }

    /** {@code sedang/tengah} before a verb is the progressive: {@code tengah berkunjung} → is visiting. */
    private static void applyProgressive(List<Unit> units) {
        for (int i = 0; i + 1 < units.size(); i++) {
            Unit marker = units.get(i);
            Unit verb = units.get(i + 1);
            if ((marker.isWord("sedang") || marker.isWord("tengah")) && verb.kind == Kind.WORD && verb.pos.equals("v")
                    && verb.analysis != null && !verb.analysis.passive() && verb.text.matches("[a-z]+( [a-z]+)?")) {
                marker.text = "is";
                verb.text = English.presentParticiple(verb.text);
            }
        }
    }

    /** {@code secara terbuka} → openly: "secara" + adjective is an adverb. */
    private static void applyAdverbs(List<Unit> units) {
        for (int i = 0; i + 1 < units.size(); i++) {
            Unit secara = units.get(i);
            Unit adjective = units.get(i + 1);
            if (secara.isWord("secara") && adjective.kind == Kind.WORD && adjective.pos.equals("adj")
                    && adjective.text.matches("[a-z]+")) {
                adjective.text = English.adverb(adjective.text);
                secara.text = "";
            }
        }
    }

    /** {@code yang} after a person is "who". */
    private static void applyRelativePronouns(List<Unit> units) {
        for (int i = 1; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (!unit.isWord("yang") || unit.removed()) {
                continue;
            }
            Unit before = units.get(i - 1);
            if (before.kind == Kind.NAME || PERSON_NOUNS.contains(lastWord(before.text).toLowerCase(Locale.ROOT))) {
                unit.text = "who";
            }
        }
    }

    private static void capitaliseSentenceStarts(List<Unit> units) {
        boolean pending = false;
        for (Unit unit : units) {
            pending |= unit.sentenceStart;
            if (pending && !unit.removed() && unit.kind != Kind.PUNCT) {
                unit.text = capitalise(unit.text);
                pending = false;
            }
        }
    }

    private static String capitaliseWords(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean wordStart = true;
        for (char c : text.toCharArray()) {
            out.append(wordStart ? Character.toUpperCase(c) : c);
            wordStart = Character.isWhitespace(c);
        }
        return out.toString();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String render(List<Unit> units) {
        StringBuilder out = new StringBuilder();
        for (Unit unit : units) {
            if (unit.removed()) {
                continue;
            }
            if (!out.isEmpty() && unit.spaceBefore) {
                out.append(' ');
            }
            out.append(unit.text);
        }
        return out.toString();
    }
}
