package dev.warta.offline;

import dev.warta.article.Glossary;
import dev.warta.article.NamedEntity;
import dev.warta.text.IndonesianCalendar;
import dev.warta.text.SentenceSplitter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds names in source text as runs of capitalised words, and guesses their type from the words around them and
 * inside them (a title before a name makes a person, "Kementerian" or an acronym an organisation, "Kota" or a
 * preceding "di" a place). Best effort, as a gist is.
 */
public final class EntityFinder {

    static final int MAX_ENTITIES = 15;

    public static final Set<String> PERSON_TITLES = Set.of(
            "presiden", "wakil", "menteri", "gubernur", "bupati", "wali", "walikota", "ketua", "kepala", "direktur",
            "bapak", "ibu", "pak", "bu", "dr", "prof", "sekjen", "jenderal", "kapolri", "kapolda", "kapolres",
            "camat", "lurah", "kades", "panglima", "kapten", "kolonel", "mayor", "letnan", "brigjen", "irjen",
            "komjen", "kombes", "akbp", "ustaz", "kiai", "haji", "hajjah", "h", "hj", "tuan", "nyonya", "sdr",
            "raja", "ratu", "pangeran", "paus", "perdana", "senator", "juru", "dirut", "ceo", "pelatih", "hakim",
            "jaksa", "pengacara", "anggota", "ketum", "plt", "pj", "kadis", "kasat");
    public static final Set<String> ORGANIZATION_WORDS = Set.of(
            "kementerian", "partai", "bank", "pt", "cv", "universitas", "institut", "komisi", "dewan", "badan",
            "majelis", "mahkamah", "pengadilan", "kepolisian", "polda", "polres", "polsek", "pemerintah", "pemkot",
            "pemprov", "pemkab", "dinas", "lembaga", "yayasan", "perusahaan", "kejaksaan", "kejati", "kejari",
            "kantor", "persatuan", "asosiasi", "federasi", "liga", "klub", "sekolah", "sma", "smp", "sd", "rs",
            "rumah", "tentara", "angkatan", "komando", "kodam", "korem", "kodim", "satuan", "direktorat", "biro",
            "fraksi", "koalisi", "serikat", "organisasi", "perum", "bumn", "otoritas", "kabinet", "kpu", "bawaslu",
            "persib", "persija", "fc", "united", "group", "grup", "tbk", "corporation", "inc", "ltd", "museum");
    public static final Set<String> PLACE_WORDS = Set.of(
            "kota", "kabupaten", "provinsi", "desa", "kecamatan", "kelurahan", "pulau", "jalan", "jl", "gunung",
            "sungai", "danau", "selat", "laut", "teluk", "kampung", "dusun", "pantai", "pelabuhan", "bandara",
            "stasiun", "terminal", "pasar", "tanjung", "kepulauan", "benua", "negara", "kawasan");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("di", "ke", "dari", "kawasan", "wilayah", "menuju");
    private static final Set<String> SPEECH_WORDS = Set.of("kata", "ujar", "tutur", "ucap", "jelas", "menurut", "ungkap");
    /** Capitalised words that are not names (besides months and days): words capitalised by style. */
    private static final Set<String> NOT_NAMES = Set.of("wib", "wita", "wit", "rp", "tuhan", "allah");

    private final Lexicon lexicon;
    private final Morphology morphology;
    private final Glossary glossary;

    EntityFinder(Lexicon lexicon, Glossary glossary) {
        this.lexicon = lexicon;
        this.morphology = new Morphology(lexicon);
        this.glossary = glossary;
    }

    List<NamedEntity> find(List<String> texts) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String text : texts) {
            if (GistTranslator.isTitleCase(Tokenizer.tokenize(text))) {
                continue; // In a Title Case Headline capitals say nothing; the body names the same people.
            }
            for (String sentence : SentenceSplitter.split(text)) {
                scan(Tokenizer.tokenize(sentence), counts, types);
            }
        }
        List<String> names = new ArrayList<>(counts.keySet());
        // Most mentioned first; first mention breaks ties (LinkedHashMap keeps that order for a stable sort).
        names.sort((a, b) -> Integer.compare(counts.get(b)[0], counts.get(a)[0]));
        List<NamedEntity> entities = new ArrayList<>();
        for (String name : names.subList(0, Math.min(MAX_ENTITIES, names.size()))) {
            entities.add(new NamedEntity(name, english(name), types.get(name)));
        }
        return entities;
    }

    private void scan(List<Tokenizer.Token> tokens, Map<String, int[]> counts, Map<String, String> types) {
        int i = 0;
        while (i < tokens.size()) {
            if (!isNameWord(tokens.get(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < tokens.size() && isNameWord(tokens.get(i)) && (i == start || tokens.get(i).spaceBefore())) {
                i++;
            }
            List<String> words = new ArrayList<>();
            for (int k = start; k < i; k++) {
                words.add(tokens.get(k).text());
            }
            String before = start > 0 ? tokens.get(start - 1).text().toLowerCase(Locale.ROOT) : "";
            boolean sentenceStart = start == 0 || start == 1 && tokens.get(0).type() == Tokenizer.Type.PUNCT;
            record(words, before, sentenceStart, counts, types);
        }
    }

    private void record(List<String> words, String before, boolean sentenceStart, Map<String, int[]> counts,
                        Map<String, String> types) {
        List<String> name = new ArrayList<>(words);
        boolean titled = false;
        // "Penyidik KPK ..." at the start of a sentence: the first word is capitalised only by position.
        while (sentenceStart && name.size() > 1 && isCommonWord(name.get(0))) {
            name.remove(0);
            sentenceStart = false;
        }
        // Leading titles are not part of the name but say it is a person: "Menteri Keuangan Sri Mulyani" keeps
        // the whole run when a glossary term covers it, else the title is dropped.
        String whole = String.join(" ", name);
        if (!glossary.entries().containsKey(whole)) {
            while (name.size() > 1 && PERSON_TITLES.contains(name.get(0).toLowerCase(Locale.ROOT).replace(".", ""))) {
                name.remove(0);
                titled = true;
            }
        }
        String first = name.get(0).toLowerCase(Locale.ROOT);
        if ((NOT_NAMES.contains(first) || IndonesianCalendar.isMonthOrDay(first)) && name.size() == 1) {
            return;
        }
        if (name.size() == 1 && !isAcronym(name.get(0))) {
            Lexicon.Entry entry = lexicon.word(first);
            Morphology.Analysis analysis = sentenceStart ? morphology.analyse(first) : null;
            boolean commonWord = entry != null && !entry.isPlace()
                    || analysis != null && !analysis.entry().isPlace();
            if (commonWord && (sentenceStart || !glossary.entries().containsKey(name.get(0)))) {
                return; // a sentence-initial or title-cased common word, not a name
            }
            if (PERSON_TITLES.contains(first) || ORGANIZATION_WORDS.contains(first) || PLACE_WORDS.contains(first)) {
                return;
            }
        }
        String key = String.join(" ", name);
        String type = type(name, titled, before);
        counts.computeIfAbsent(key, k -> new int[1])[0]++;
        types.putIfAbsent(key, type);
    }

    private String type(List<String> name, boolean titled, String before) {
        String first = name.get(0).toLowerCase(Locale.ROOT);
        if (ORGANIZATION_WORDS.contains(first) || isAcronym(name.get(0))) {
            return "ORGANIZATION";
        }
        if (PLACE_WORDS.contains(first)) {
            return "PLACE";
        }
        if (titled || SPEECH_WORDS.contains(before)) {
            return "PERSON";
        }
        Lexicon.Entry entry = name.size() == 1 ? lexicon.word(first) : null;
        if (PLACE_WORDS.contains(first) || entry != null && entry.isPlace() || PLACE_PREPOSITIONS.contains(before)) {
            return "PLACE";
        }
        if (glossary.entries().containsKey(String.join(" ", name))) {
            return "ORGANIZATION";
        }
        return "PERSON";
    }

    private String english(String name) {
        String fromGlossary = glossary.entries().get(name);
        if (fromGlossary != null) {
            return fromGlossary;
        }
        Lexicon.Entry entry = lexicon.word(name.toLowerCase(Locale.ROOT));
        if (entry == null) {
            entry = lexicon.phrase(name.toLowerCase(Locale.ROOT));
        }
        return entry != null && entry.isPlace() ? entry.english() : name;
    }

    private boolean isCommonWord(String word) {
        if (isAcronym(word)) {
            return false;
        }
        Lexicon.Entry entry = lexicon.word(word.toLowerCase(Locale.ROOT));
        return entry != null && !entry.isPlace() && !PERSON_TITLES.contains(word.toLowerCase(Locale.ROOT))
                && !ORGANIZATION_WORDS.contains(word.toLowerCase(Locale.ROOT))
                && !PLACE_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isNameWord(Tokenizer.Token token) {
        return token.type() == Tokenizer.Type.WORD && Character.isUpperCase(token.text().charAt(0));
    }

    private static boolean isAcronym(String word) {
        return word.length() > 1 && word.chars().noneMatch(Character::isLowerCase);
    }
}
