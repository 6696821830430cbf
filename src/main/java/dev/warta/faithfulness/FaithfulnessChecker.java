package dev.warta.faithfulness;

import dev.warta.article.NamedEntity;
import dev.warta.chunk.SentenceSplitter;
import dev.warta.ingest.LanguageDetector;
import dev.warta.offline.Lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a translation against its source the way a careful editor would, without a model: every number kept with
 * its value, every name kept (or rendered in a known way), glossary terms used, paragraphs aligned, the output in
 * the target language, and no preamble, commentary or Markdown. Each failure is named, so that the model can be
 * asked to fix exactly that and a reviewer sees why an article is flagged.
 */
public class FaithfulnessChecker {

    /** Capitalised Indonesian words that are titles, dates or sentence glue, not names. */
    private static final Set<String> NOT_NAMES = Set.of(
            "presiden", "wakil", "menteri", "sekretaris", "jenderal", "gubernur", "bupati", "wali", "kota", "walikota",
            "kabupaten", "provinsi", "kecamatan", "desa", "kelurahan", "kepala", "dinas", "badan", "kementerian",
            "ketua", "anggota", "direktur", "utama", "bapak", "ibu", "pak", "bu", "kapolda", "kapolres", "kapolri",
            "komisi", "dewan", "perwakilan", "rakyat", "daerah", "pemerintah", "pemprov", "pemkab", "pemkot", "partai",
            "universitas", "rumah", "sakit", "jalan", "pasar", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
            "minggu", "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
            "oktober", "november", "desember", "wib", "wita", "wit", "rp", "dia", "ia", "kami", "kita", "mereka",
            "ini", "itu", "hal", "namun", "sementara", "selain", "menurut", "dalam", "pada", "untuk", "dengan",
            "oleh", "sebagai", "karena", "jika", "saat", "setelah", "sebelum", "hari", "tahun", "bulan", "pukul",
            "sekjen", "mendagri", "menkeu", "kapten", "kolonel", "letnan", "mayor", "brigjen", "irjen", "kombes",
            "akbp", "kompol", "haji", "hajjah", "prof", "dokter", "nasional", "internasional", "negeri", "umum",
            "baca", "juga", "editor", "publisher", "advertisement", "sumber", "foto", "video", "tim", "menlu", "menhan",
            "menko", "wapres", "kemenlu", "kemenkeu", "kemendagri", "kemenhan", "mensesneg", "sesneg", "dirut",
            "kadis", "kadin", "kasat", "kapolsek", "danrem", "dandim", "pangdam", "panglima", "kasad", "kasal",
            "kasau", "ketum", "sekda", "plt", "pj", "mantan", "calon");

    private static final Pattern CAPITALISED = Pattern.compile("\\b(\\p{Lu}[\\p{L}'’-]{2,}|\\p{Lu}{2,}\\d*)\\b");
    private static final Pattern PREAMBLE = Pattern.compile(
            "^(here is|here's|below is|the following|sure[,!.]|certainly|of course|translation\\s*:|translated text"
                    + "|berikut|terjemahan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTARY = Pattern.compile(
            "(\\(note:|\\bnote:|translator'?s note|i hope this|let me know if|as an ai\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN = Pattern.compile(
            "(\\*\\*|__|^#{1,6}\\s|^\\s*[-*+]\\s|\\[[^]]+]\\([^)]+\\)|`)", Pattern.MULTILINE);

    private final LanguageDetector languages = new LanguageDetector();
    private final Map<String, List<String>> renderings = loadRenderings();

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

        List<BigDecimal> englishNumbers = NumberFacts.inEnglish(english);
        Set<String> missingNumbers = new LinkedHashSet<>();
        List<NumberFacts.Fact> facts = NumberFacts.inIndonesian(sourceText);
        for (NumberFacts.Fact fact : facts) {
            if (!NumberFacts.present(fact, englishNumbers)) {
                missingNumbers.add(fact.written());
            }
        }
        missingNumbers.forEach(number -> score.fail("number " + number + " missing or changed"));
        score.add(0.3, facts.isEmpty() ? 1 : 1 - (double) missingNumbers.size() / facts.size());

        // titles are in title case: only the body's capitals mark names
        List<String> names = names(sourceBody).stream()
                // a glossary term ("APBD", "DKI") is held to its glossary rendering below, not to its spelling
                .filter(name -> glossary.keySet().stream().noneMatch(term -> term.contains(name)))
                .toList();
        List<String> missingNames = names.stream()
                .filter(name -> !rendered(name, englishFolded, entities))
                .toList();
        missingNames.forEach(name -> score.fail("name " + name + " missing"));
        score.add(0.2, names.isEmpty() ? 1 : 1 - (double) missingNames.size() / names.size());

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
            }
        }
        if (sourceBody.size() != translatedBody.size()) {
            misaligned = sourceBody.size();
            score.fail(translatedBody.size() + " paragraphs for the source's " + sourceBody.size()
                    + ": return exactly one per source paragraph");
        }
        score.add(0.15, sourceBody.isEmpty() ? 1 : Math.max(0, 1 - (double) misaligned / sourceBody.size()));

        checkLanguage(score, "text", english, targetLanguage, 0.15);
        checkForm(score, "text", translated, 0.1);
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
        checkForm(score, "summary", fields, 0.2);
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
        return new CheckResult(failures, round((2 * body.score() + digest.score()) / 3));
    }

    private void checkLanguage(Score score, String field, String text, String targetLanguage, double weight) {
        LanguageDetector.Detected detected = languages.detect(text);
        boolean sourceLeftOver = !detected.language().equals(targetLanguage) && detected.confidence() >= 0.25
                && Set.of("id", "ms", "jv", "su").contains(detected.language());
        if (sourceLeftOver) {
            score.fail(field + " is not in the target language (" + targetLanguage + "): it reads as "
                    + detected.language());
        }
        score.add(weight, sourceLeftOver ? 0 : 1);
    }

    private static void checkForm(Score score, String field, List<String> texts, double weight) {
        boolean clean = true;
        for (String text : texts) {
            String trimmed = text.strip();
            if (PREAMBLE.matcher(trimmed).find()) {
                score.fail(field + " starts with a preamble: \"" + excerpt(trimmed) + "\"");
                clean = false;
            } else if (COMMENTARY.matcher(trimmed).find()) {
                score.fail(field + " contains commentary: \"" + excerpt(trimmed) + "\"");
                clean = false;
            } else if (MARKDOWN.matcher(trimmed).find()) {
                score.fail(field + " contains Markdown: \"" + excerpt(trimmed) + "\"");
                clean = false;
            }
        }
        score.add(weight, clean ? 1 : 0);
    }

    /**
     * Names a translation must keep: capitalised words inside sentences (the first word of a sentence is
     * capitalised anyway) that are not titles or dates and never appear in lower case in the source.
     */
    List<String> names(List<String> source) {
        String all = String.join("\n", source);
        Set<String> lowercase = new java.util.HashSet<>();
        for (String word : all.split("[^\\p{L}'’-]+")) {
            if (!word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
                lowercase.add(word.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (String paragraph : source) {
            for (String sentence : SentenceSplitter.split(paragraph)) {
                Matcher matcher = CAPITALISED.matcher(sentence);
                while (matcher.find()) {
                    String word = matcher.group(1);
                    String lower = word.toLowerCase(Locale.ROOT);
                    boolean sentenceStart = sentence.substring(0, matcher.start()).chars()
                            .noneMatch(Character::isLetter);
                    if (!sentenceStart && !NOT_NAMES.contains(lower) && !lowercase.contains(lower)
                            && !commonWord(word)) {
                        names.add(word);
                    }
                }
            }
        }
        return List.copyOf(names);
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
        return entry != null && entry.translated() && !entry.isPlace();
    }

    private boolean rendered(String name, String englishFolded, Collection<NamedEntity> entities) {
        if (englishFolded.contains(fold(name))) {
            return true;
        }
        // -nya and possessives stay attached in Indonesian: "Rutte-nya" is still Rutte
        String base = name.replaceAll("[-’']?nya$", "");
        if (!base.equals(name) && englishFolded.contains(fold(base))) {
            return true;
        }
        for (String cognate : cognates(name)) {
            if (englishFolded.contains(cognate)) {
                return true;
            }
        }
        for (String rendering : renderings.getOrDefault(name, List.of())) {
            if (englishFolded.contains(fold(rendering))) {
                return true;
            }
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
     * English spellings of an Indonesian loanword inside a name: {@code Klimatologi} → climatology,
     * {@code Teknologi} → technology, {@code Universitas} → university (a heuristic: enough for names of bodies).
     */
    static List<String> cognates(String word) {
        String w = fold(word);
        List<String> forms = new ArrayList<>();
        String[][] endings = {{"logi", "logy"}, {"grafi", "graphy"}, {"sika", "sics"}, {"ika", "ics"},
                {"asi", "ation"}, {"si", "sion"}, {"tas", "ty"}, {"isme", "ism"}, {"ik", "ic"}, {"al", "al"}};
        for (String[] ending : endings) {
            if (w.endsWith(ending[0]) && w.length() > ending[0].length() + 2) {
                String stem = w.substring(0, w.length() - ending[0].length())
                        .replace("k", "c").replace("f", "ph");
                forms.add(stem + ending[1]);
            }
        }
        return forms;
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
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT);
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

    /** Accumulates weighted check outcomes and the named failures. */
    private static final class Score {
        private final List<String> failures = new ArrayList<>();
        private double weighted;
        private double weights;

        void fail(String failure) {
            failures.add(failure);
        }

        void add(double weight, double passedShare) {
            weighted += weight * passedShare;
            weights += weight;
        }

        CheckResult result() {
            return new CheckResult(failures, weights == 0 ? 1 : round(weighted / weights));
        }
    }
}
