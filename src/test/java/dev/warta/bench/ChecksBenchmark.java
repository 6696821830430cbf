package dev.warta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.Glossary;
import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.llm.LlmConfiguration;
import dev.warta.llm.LlmProperties;
import dev.warta.llm.ModelTranslationEngine;
import dev.warta.llm.UsageMeter;
import dev.warta.llm.http.CallMetrics;
import dev.warta.offline.OfflineEngine;
import dev.warta.testing.OpenAiStub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a desk can believe the faithfulness flags. Human reference translations of held-out Indonesian news
 * sentences are served as the model's answers by the local OpenAI-compatible stub, over real HTTP to the real
 * LangChain4j client and the real {@link ModelTranslationEngine} with its checks and re-ask: every flag on a
 * reference is either a real deviation of the human translator or a false alarm. Then faults are injected into the
 * references (a number changed, a person's name dropped, a sentence dropped, a paragraph left in Indonesian, two
 * paragraphs merged) and the share the checks catch is reported per kind. It is a command, not a test.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.warta.bench.ChecksBenchmark \
 *     --pairs EVAL/news-valid.ind-eng.tsv [--labels src/test/resources/bench/checks-labels.tsv]
 *     [--flags-out target/checks-flags.tsv] [--fault-flags-out target/fault-flags.tsv] [--threads 4]
 *     [--show-misses 5] [--faults false]
 * </pre>
 * where EVAL is the folder of the development pairs (docs/translation.md says where they come from).
 * The pairs file is {@code id<TAB>indonesian<TAB>english}; consecutive pairs make articles of 6 sentences in 3
 * paragraphs of 2 (pairs that do not fill a last article are left out). Article {@code a17} is pairs 103–108 of the
 * file, in file order, so a label's article and sentence ids join back to the pairs.
 */
public final class ChecksBenchmark {

    static final int SENTENCES_PER_PARAGRAPH = 2;
    static final int PARAGRAPHS_PER_ARTICLE = 3;
    private static final String TITLE = "Kabar Terkini";
    private static final String TITLE_ENGLISH = "Latest News";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One source sentence (a line of the pairs file) and its reference translation. */
    record Pair(String id, String indonesian, String english) {
    }

    /** An article built from consecutive pairs: paragraph {@code p} is pairs {@code 2p} and {@code 2p+1}. */
    record BenchArticle(String id, List<List<Pair>> paragraphs) {

        List<String> source() {
            return paragraphs.stream().map(p -> join(p, Pair::indonesian)).toList();
        }

        List<String> reference() {
            return paragraphs.stream().map(p -> join(p, Pair::english)).toList();
        }

        Article article() {
            return new Article(id, "eval/" + id, null, TITLE, source(), ArticleMetadata.EMPTY, "id", 1.0, id);
        }

        String sentenceIds() {
            return String.join(",", paragraphs.stream().flatMap(List::stream).map(Pair::id).toList());
        }
    }

    /** A fault injected into one article's reference: the English paragraphs the stub answers with instead. */
    record Fault(String kind, BenchArticle article, List<String> english, String what) {
    }

    private final ModelTranslationEngine engine;
    /** Source paragraph text → the English the stub answers for the article being translated. */
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

    private ChecksBenchmark(ModelTranslationEngine engine) {
        this.engine = engine;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Map.of("pairs", "", "labels", "", "flags-out", "",
                "threads", "4", "show-misses", "5", "faults", "true", "article", "", "fault-flags-out", ""));
        if (options.text("pairs").isEmpty()) {
            throw new IllegalArgumentException("--pairs FILE.tsv is required (id<TAB>indonesian<TAB>english)");
        }
        List<BenchArticle> articles = articles(read(Path.of(options.text("pairs"))));
        try (OpenAiStub stub = OpenAiStub.start()) {
            LlmProperties properties = new LlmProperties(stub.baseUrl(), "bench-key", "gpt-4o-mini", 0.0,
                    Duration.ofSeconds(30), 0, Duration.ofMillis(10), 2000, 1, 0, 0, 1000, Map.of(), false,
                            "sync", null, "sync", "stop", Duration.ofSeconds(30));
            ModelTranslationEngine engine = LlmConfiguration.engine(properties, "en", new UsageMeter(),
                    Glossary.empty(), new CallMetrics());
            ChecksBenchmark bench = new ChecksBenchmark(engine);
            stub.respondWith(bench::answer);
            bench.run(articles, options);
        }
    }

    private void run(List<BenchArticle> articles, Options options) throws Exception {
        int threads = options.integer("threads");
        long started = System.nanoTime();
        Map<String, List<String>> clean = translateAll(articles.stream()
                .map(a -> new Fault("reference", a, a.reference(), "")).toList(), threads);
        Map<String, Integer> families = new TreeMap<>();
        int flagged = 0;
        int flags = 0;
        for (BenchArticle article : articles) {
            List<String> reasons = clean.get(article.id());
            flagged += reasons.isEmpty() ? 0 : 1;
            flags += reasons.size();
            reasons.forEach(reason -> families.merge(family(reason), 1, Integer::sum));
        }
        System.out.printf(Locale.ROOT, "reference run: %d articles of %d sentences, %d flagged (%.1f %%), %d flags"
                        + " (%.1f s)%n", articles.size(), SENTENCES_PER_PARAGRAPH * PARAGRAPHS_PER_ARTICLE, flagged,
                100.0 * flagged / articles.size(), flags, (System.nanoTime() - started) / 1e9);
        families.forEach((family, count) -> System.out.printf(Locale.ROOT, "  %-28s %4d%n", family, count));
        if (!options.text("flags-out").isEmpty()) {
            writeFlags(Path.of(options.text("flags-out")), articles, clean);
        }
        if (!options.text("labels").isEmpty()) {
            precision(Path.of(options.text("labels")), articles, clean);
            notePrecision(Path.of(options.text("labels")), articles);
        }
        // notes are shown with the article but do not flag it: not flags, so outside the precision above
        List<String> notes = articles.stream().flatMap(article -> referenceNotes.getOrDefault(article.id(), List.of())
                .stream().map(note -> article.id() + "\t" + note)).toList();
        System.out.println("notes (shown with the article, not flagged): " + notes.size());
        notes.forEach(note -> System.out.println("  " + note));

        if (!Boolean.parseBoolean(options.text("faults"))) {
            return;
        }
        List<Fault> faults = new ArrayList<>();
        for (BenchArticle article : articles) {
            faults.addAll(faults(article));
        }
        if (!options.text("article").isEmpty()) {
            // one article's faults in full, to see why a fault is missed
            faults.removeIf(fault -> !fault.article().id().equals(options.text("article")));
            Map<String, List<String>> shown = translateAll(faults, 1);
            for (int i = 0; i < faults.size(); i++) {
                Fault fault = faults.get(i);
                System.out.println(fault.kind() + " (" + fault.what() + "): " + shown.get(key(fault, i))
                        + "\n  source:  " + fault.article().source() + "\n  english: " + fault.english()
                        + "\n  clean flags: " + clean.get(fault.article().id()));
            }
            return;
        }
        Map<String, List<String>> faulted = translateAll(faults, threads);
        if (!options.text("fault-flags-out").isEmpty()) {
            writeFaultFlags(Path.of(options.text("fault-flags-out")), faults, faulted);
        }
        Map<String, int[]> recall = new TreeMap<>();
        Map<String, List<String>> misses = new TreeMap<>();
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            List<String> before = clean.get(fault.article().id());
            List<String> after = faulted.get(key(fault, i));
            boolean caught = after.stream().anyMatch(reason -> !before.contains(reason));
            int[] counts = recall.computeIfAbsent(fault.kind(), k -> new int[2]);
            counts[0]++;
            counts[1] += caught ? 1 : 0;
            if (!caught) {
                misses.computeIfAbsent(fault.kind(), k -> new ArrayList<>()).add(fault.article().id() + " "
                        + fault.what());
            }
        }
        System.out.println("injected faults (caught = a flag the clean reference did not have):");
        int total = 0;
        int caught = 0;
        for (Map.Entry<String, int[]> entry : recall.entrySet()) {
            int[] counts = entry.getValue();
            total += counts[0];
            caught += counts[1];
            System.out.printf(Locale.ROOT, "  %-22s %4d of %4d caught, recall %.1f %%%n", entry.getKey(), counts[1],
                    counts[0], 100.0 * counts[1] / counts[0]);
            misses.getOrDefault(entry.getKey(), List.of()).stream().limit(options.integer("show-misses"))
                    .forEach(miss -> System.out.println("      missed: " + miss));
        }
        System.out.printf(Locale.ROOT, "  %-22s %4d of %4d caught, recall %.1f %%%n", "all", caught, total,
                100.0 * caught / total);
    }

    /** The notes of each article's reference run (spelling differences shown but not flagged). */
    private final Map<String, List<String>> referenceNotes = new ConcurrentHashMap<>();

    /** Translates each fault's article with the stub answering that fault's English; results by fault key. */
    private Map<String, List<String>> translateAll(List<Fault> faults, int threads) throws Exception {
        // the stub looks answers up by source paragraph, so articles that share a paragraph must not overlap
        Map<String, List<String>> results = new ConcurrentHashMap<>();
        List<List<Fault>> rounds = new ArrayList<>();
        Map<String, Integer> round = new java.util.HashMap<>();
        for (Fault fault : faults) {
            int r = round.merge(fault.article().id(), 1, Integer::sum) - 1;
            while (rounds.size() <= r) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(r).add(fault);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (List<Fault> batch : rounds) {
                List<Future<?>> pending = new ArrayList<>();
                for (Fault fault : batch) {
                    String key = key(fault, faults.indexOf(fault));
                    pending.add(pool.submit(() -> {
                        BenchArticle article = fault.article();
                        List<String> source = article.source();
                        String context = article.id();
                        for (int p = 0; p < source.size(); p++) {
                            answers.put(context + "\u0000" + source.get(p), List.of(fault.english().get(p)));
                        }
                        Translation translation = engine.translate(article.article());
                        results.put(key, translation.reviewReasons());
                        if (fault.kind().equals("reference")) {
                            referenceNotes.put(key, translation.notes());
                        }
                    }));
                }
                for (Future<?> future : pending) {
                    future.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static String key(Fault fault, int index) {
        return fault.kind().equals("reference") ? fault.article().id() : fault.kind() + "#" + index;
    }

    /** The stub's answer: the English of each source paragraph, for whole-article and chunk requests alike. */
    private OpenAiStub.StubResponse answer(OpenAiStub.RecordedRequest request) {
        ObjectNode answer = JSON.createObjectNode();
        String schema = request.schemaName();
        if ("SummaryOutput".equals(schema)) {
            summary(answer);
        } else {
            JsonNode document = request.document();
            JsonNode source = document.has("pieces") ? document.path("pieces") : document.path("paragraphs");
            String id = articleOf(source);
            answer.put("title", document.path("title").asText("").isEmpty() ? "" : TITLE_ENGLISH);
            ArrayNode paragraphs = answer.putArray("paragraphs");
            List<String> english = new ArrayList<>();
            for (JsonNode paragraph : source) {
                english.addAll(answers.getOrDefault(id + "\u0000" + paragraph.asText(), List.of("")));
            }
            english.forEach(paragraphs::add);
            if ("ChunkTranslationOutput".equals(schema)) {
                answer.putArray("names");
            }
            if ("ArticleTranslationOutput".equals(schema)) {
                summary(answer);
                answer.put("sourceLanguage", "id");
            }
        }
        return OpenAiStub.completion(answer.toString(), "stop", 100, 100);
    }

    /** The article a request is about: the one whose answer table holds its first paragraph. */
    private String articleOf(JsonNode source) {
        String first = source.path(0).asText();
        for (String key : answers.keySet()) {
            int separator = key.indexOf('\u0000');
            if (key.substring(separator + 1).equals(first)) {
                return key.substring(0, separator);
            }
        }
        return "";
    }

    /** A neutral summary that passes the summary checks, so that the flags counted are the translation's. */
    private static void summary(ObjectNode answer) {
        answer.put("summary", "The report describes recent events in Indonesia. Officials gave further details.");
        ArrayNode points = answer.putArray("keyPoints");
        points.add("Events were reported.");
        points.add("Officials commented.");
        points.add("Details were given.");
        answer.putArray("entities");
        answer.putArray("tags").add("news");
    }

    // --- faults ---------------------------------------------------------------------------------------------

    private static final Pattern DIGITS = Pattern.compile("(?<![\\p{L}\\d])\\d[\\d.,]*\\d|(?<![\\p{L}\\d.,])\\d(?![\\d])");

    static List<Fault> faults(BenchArticle article) {
        List<Fault> faults = new ArrayList<>();
        int salt = Math.abs(article.id().hashCode());
        changedNumber(article).ifPresent(faults::add);
        droppedName(article).ifPresent(faults::add);
        droppedSentence(article, salt).ifPresent(faults::add);
        int p = salt % PARAGRAPHS_PER_ARTICLE;
        List<String> untranslated = new ArrayList<>(article.reference());
        untranslated.set(p, article.source().get(p));
        faults.add(new Fault("paragraph untranslated", article, untranslated, "paragraph " + (p + 1)));
        int first = salt % (PARAGRAPHS_PER_ARTICLE - 1);
        List<String> merged = new ArrayList<>(article.reference());
        merged.set(first, merged.get(first) + " " + merged.remove(first + 1));
        // a model that merges two paragraphs still returns as many as it was asked for: the last one is empty
        merged.add("");
        faults.add(new Fault("paragraphs merged", article, merged, "paragraphs " + (first + 1) + "+" + (first + 2)));
        return faults;
    }

    /**
     * The last non-zero digit of the first number that a paragraph of the reference shares with its source
     * paragraph, changed by one (a number of the reference that its paragraph's source does not state is not a
     * source number that could be changed).
     */
    private static java.util.Optional<Fault> changedNumber(BenchArticle article) {
        List<String> english = article.reference();
        for (int p = 0; p < english.size(); p++) {
            String sourceDigits = article.source().get(p).replaceAll("[.,](?=\\d)", "");
            Matcher m = DIGITS.matcher(english.get(p));
            while (m.find()) {
                String number = m.group();
                String plain = number.replaceAll("[.,]", "");
                if (!Pattern.compile("(?<!\\d)" + plain + "(?!\\d)").matcher(sourceDigits).find()) {
                    continue;
                }
                int last = -1;
                for (int i = number.length() - 1; i >= 0; i--) {
                    if (number.charAt(i) >= '1' && number.charAt(i) <= '9') {
                        last = i;
                        break;
                    }
                }
                if (last < 0) {
                    continue;
                }
                char digit = number.charAt(last);
                char changed = digit == '9' ? '8' : (char) (digit + 1);
                String wrong = number.substring(0, last) + changed + number.substring(last + 1);
                List<String> faulty = new ArrayList<>(english);
                String text = english.get(p);
                faulty.set(p, text.substring(0, m.start()) + wrong + text.substring(m.end()));
                return java.util.Optional.of(new Fault("number changed", article, faulty, number + " → " + wrong));
            }
        }
        return java.util.Optional.empty();
    }

    private static final OfflineEngine ENTITIES = new OfflineEngine(Glossary.empty());

    /**
     * A person's name (as the offline engine's entity finder sees persons) that the reference keeps, removed from
     * the reference wherever it or any of its words occur.
     */
    private static java.util.Optional<Fault> droppedName(BenchArticle article) {
        String english = String.join("\n", article.reference());
        for (NamedEntity entity : ENTITIES.translate(article.article()).entities()) {
            if (!"PERSON".equals(entity.type())) {
                continue;
            }
            List<String> words = List.of(entity.name().split("\\s+")).stream()
                    .filter(w -> w.length() >= 3 && Character.isUpperCase(w.charAt(0))).toList();
            // the entity finder's persons, less those made of dictionary words ("Tanah Merah", red earth)
            boolean dictionaryWords = words.stream().anyMatch(w -> dev.warta.offline.Lexicon.bundled()
                    .word(w.toLowerCase(Locale.ROOT)) != null);
            if (words.isEmpty() || dictionaryWords || !words.stream().allMatch(w -> english.contains(w))) {
                continue;
            }
            List<String> faulty = new ArrayList<>();
            for (String paragraph : article.reference()) {
                String text = paragraph.replace(entity.name(), "");
                for (String word : words) {
                    text = text.replaceAll("\\b" + Pattern.quote(word) + "(['’]s)?\\b", "");
                }
                faulty.add(text.replaceAll(" {2,}", " ").replaceAll(" ([,.])", "$1"));
            }
            return java.util.Optional.of(new Fault("name dropped", article, faulty, entity.name()));
        }
        return java.util.Optional.empty();
    }

    /** One sentence of at least six words dropped from its paragraph (a pair's whole reference). */
    private static java.util.Optional<Fault> droppedSentence(BenchArticle article, int salt) {
        int count = SENTENCES_PER_PARAGRAPH * PARAGRAPHS_PER_ARTICLE;
        for (int k = 0; k < count; k++) {
            int s = (salt + k) % count;
            int p = s / SENTENCES_PER_PARAGRAPH;
            List<Pair> paragraph = article.paragraphs().get(p);
            Pair dropped = paragraph.get(s % SENTENCES_PER_PARAGRAPH);
            if (dropped.indonesian().split("\\s+").length < 6) {
                continue;
            }
            List<String> faulty = new ArrayList<>(article.reference());
            faulty.set(p, join(paragraph.stream().filter(pair -> pair != dropped).toList(), Pair::english));
            return java.util.Optional.of(new Fault("sentence dropped", article, faulty, "sentence " + dropped.id()));
        }
        return java.util.Optional.empty();
    }

    // --- labels ---------------------------------------------------------------------------------------------

    /** Each flag of the reference run with what a labeller needs: the sentences it is about. */
    private static void writeFlags(Path out, List<BenchArticle> articles, Map<String, List<String>> clean)
            throws IOException {
        StringBuilder text = new StringBuilder("article\tflag\tsentences\tindonesian\treference\n");
        for (BenchArticle article : articles) {
            for (String flag : clean.get(article.id())) {
                List<Pair> about = about(article, flag);
                text.append(article.id()).append('\t').append(flag).append('\t')
                        .append(String.join(",", about.stream().map(Pair::id).toList())).append('\t')
                        .append(join(about, Pair::indonesian).replace('\t', ' ')).append('\t')
                        .append(join(about, Pair::english).replace('\t', ' ')).append('\n');
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("flags with their sentences written to " + out);
    }

    /**
     * Every injected fault's flags, one line each in the faults' order: the file to compare ({@code cmp}) when only
     * the checks' speed changed, since the recall figures could stay the same while a caught fault's flags change.
     */
    private static void writeFaultFlags(Path out, List<Fault> faults, Map<String, List<String>> faulted)
            throws IOException {
        StringBuilder text = new StringBuilder("article\tkind\tfault\tflags\n");
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            text.append(fault.article().id()).append('\t').append(fault.kind()).append('\t')
                    .append(fault.what().replace('\t', ' ')).append('\t')
                    .append(String.join(" | ", faulted.get(key(fault, i)))).append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("the injected faults' flags written to " + out);
    }

    /** The sentences a flag is about: those holding its number or name, or its paragraph, or the whole article. */
    private static List<Pair> about(BenchArticle article, String flag) {
        List<Pair> all = article.paragraphs().stream().flatMap(List::stream).toList();
        Matcher item = Pattern.compile("^(?:number|name) (.+?) (?:missing|misspelt)").matcher(flag);
        if (item.find()) {
            List<Pair> holding = all.stream().filter(pair -> pair.indonesian().contains(item.group(1))).toList();
            return holding.isEmpty() ? all : holding;
        }
        Matcher paragraph = Pattern.compile("^paragraph (\\d+)").matcher(flag);
        if (paragraph.find()) {
            int p = Integer.parseInt(paragraph.group(1)) - 1;
            return p < article.paragraphs().size() ? article.paragraphs().get(p) : all;
        }
        return all;
    }

    /** Precision over the labelled flags that the current checks raise; flags without a label are listed. */
    private static void precision(Path labels, List<BenchArticle> articles, Map<String, List<String>> clean)
            throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("article\t")) {
                continue;
            }
            String[] columns = line.split("\t");
            verdicts.put(columns[0] + "\t" + columns[1], columns[3]);
        }
        int real = 0;
        int falseAlarms = 0;
        List<String> unlabelled = new ArrayList<>();
        Map<String, int[]> byFamily = new TreeMap<>();
        for (BenchArticle article : articles) {
            for (String flag : clean.get(article.id())) {
                String verdict = verdicts.get(article.id() + "\t" + flag);
                if (verdict == null) {
                    unlabelled.add(article.id() + "\t" + flag);
                    continue;
                }
                int[] counts = byFamily.computeIfAbsent(family(flag), k -> new int[2]);
                if (verdict.equals("real")) {
                    real++;
                    counts[0]++;
                } else if (verdict.equals("false")) {
                    falseAlarms++;
                    counts[1]++;
                } else {
                    throw new IllegalArgumentException("label must be 'real' or 'false', was '" + verdict + "'");
                }
            }
        }
        System.out.printf(Locale.ROOT, "labelled flags raised: %d real, %d false alarms: precision %.1f %%"
                        + " (%d labels in the file, %d raised flags unlabelled)%n", real, falseAlarms,
                real + falseAlarms == 0 ? 0.0 : 100.0 * real / (real + falseAlarms), verdicts.size(),
                unlabelled.size());
        byFamily.forEach((family, counts) -> System.out.printf(Locale.ROOT, "  %-28s %3d real, %3d false%n", family,
                counts[0], counts[1]));
        Collections.unmodifiableList(unlabelled).stream().limit(20)
                .forEach(flag -> System.out.println("  unlabelled: " + flag));
    }

    /**
     * The share of real deviations among the notes that carry a label: a note of a name the English lacks is the
     * old flag's wording with its kind after it ("name PHK missing (an acronym, …)"), so it joins the flag's label.
     * Each kind's count says which kinds of name a desk can leave to the notes.
     */
    private void notePrecision(Path labels, List<BenchArticle> articles) throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("article\t")) {
                continue;
            }
            String[] columns = line.split("\t");
            verdicts.put(columns[0] + "\t" + columns[1], columns[3]);
        }
        Map<String, int[]> byKind = new TreeMap<>();
        for (BenchArticle article : articles) {
            for (String note : referenceNotes.getOrDefault(article.id(), List.of())) {
                Matcher kind = NOTE_KIND.matcher(note);
                String family = kind.matches() ? "name: " + kind.group(2) : "spelling";
                String verdict = verdicts.get(article.id() + "\t" + (kind.matches() ? kind.group(1) : note));
                int[] counts = byKind.computeIfAbsent(family, k -> new int[3]);
                counts[verdict == null ? 2 : verdict.equals("real") ? 0 : 1]++;
            }
        }
        int real = byKind.values().stream().mapToInt(c -> c[0]).sum();
        int falseAlarms = byKind.values().stream().mapToInt(c -> c[1]).sum();
        System.out.printf(Locale.ROOT, "labelled notes: %d real, %d false: %.1f %% real%n", real, falseAlarms,
                real + falseAlarms == 0 ? 0.0 : 100.0 * real / (real + falseAlarms));
        byKind.forEach((family, counts) -> System.out.printf(Locale.ROOT, "  %-50s %3d real, %3d false,"
                + " %3d unlabelled%n", family, counts[0], counts[1], counts[2]));
    }

    private static final Pattern NOTE_KIND = Pattern.compile("(name \\S+ missing) \\((.+)\\)");

    /** The kind of check a flag comes from: its wording up to the item it names. */
    static String family(String flag) {
        if (flag.startsWith("number ")) {
            return "number";
        }
        if (flag.startsWith("name ")) {
            return "name";
        }
        if (flag.startsWith("glossary ")) {
            return "glossary";
        }
        if (flag.matches("^paragraph \\d+ is not in the target language.*")) {
            return "paragraph language";
        }
        if (flag.matches("^paragraph \\d+ has .*sentence.*")) {
            return "sentence count";
        }
        if (flag.startsWith("paragraph ") || flag.matches("^\\d+ paragraphs for.*")) {
            return "alignment";
        }
        if (flag.contains("not in the target language")) {
            return "language";
        }
        if (flag.contains("preamble")) {
            return "preamble";
        }
        if (flag.contains("commentary")) {
            return "commentary";
        }
        if (flag.contains("Markdown")) {
            return "markdown";
        }
        return "summary bounds";
    }

    // --- input ----------------------------------------------------------------------------------------------

    static List<Pair> read(Path file) {
        try {
            List<Pair> pairs = new ArrayList<>();
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < 3) {
                    throw new IllegalArgumentException(file + " line " + lineNumber
                            + ": expected id<TAB>indonesian<TAB>english");
                }
                pairs.add(new Pair(columns[0].strip(), columns[1].strip(), columns[2].strip()));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<BenchArticle> articles(List<Pair> pairs) {
        int perArticle = SENTENCES_PER_PARAGRAPH * PARAGRAPHS_PER_ARTICLE;
        List<BenchArticle> articles = new ArrayList<>();
        for (int start = 0; start + perArticle <= pairs.size(); start += perArticle) {
            List<List<Pair>> paragraphs = new ArrayList<>();
            for (int p = 0; p < PARAGRAPHS_PER_ARTICLE; p++) {
                int from = start + p * SENTENCES_PER_PARAGRAPH;
                paragraphs.add(List.copyOf(pairs.subList(from, from + SENTENCES_PER_PARAGRAPH)));
            }
            articles.add(new BenchArticle("a" + (articles.size() + 1), paragraphs));
        }
        return articles;
    }

    private static String join(List<Pair> pairs, Function<Pair, String> side) {
        return String.join(" ", pairs.stream().map(side).toList());
    }
}
