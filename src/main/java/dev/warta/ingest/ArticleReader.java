package dev.warta.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import dev.warta.text.SentenceSplitter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one input file into the articles it holds. The single entry point of ingestion: the job and the
 * {@code inspect} command both call {@link #read(Path)}.
 *
 * <p>Accepts scraped text ({@code .txt}: title on the first line, body after it), saved HTML pages ({@code .html},
 * {@code .htm}) and feeds ({@code .jsonl}: one article a line; {@code .json}: an array of articles). Never throws
 * for bad input: each article, and each input that is not one, is its own element of the result, a rejected one
 * with a specific reason (also logged with file and line). Input files are only read, never changed.
 */
public class ArticleReader {

    private static final Logger log = LoggerFactory.getLogger(ArticleReader.class);

    /** Longest stand-in title, in characters: a headline's length, not a paragraph's. */
    static final int DERIVED_TITLE_LENGTH = 100;
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});");
    private static final Pattern TAG = Pattern.compile("<(p|br|div|span|a|strong|em|b|i|h[1-6]|ul|li|figure|img|"
            + "script|iframe|blockquote)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    /** How a finished paragraph ends: a full stop, a question or exclamation mark, a closing quote or bracket. */
    private static final Pattern FINISHED = Pattern.compile("[.!?…:;\"”’')\\]]\\s*$");
    private static final Pattern CJK_SENTENCE_END = Pattern.compile("(?<=[。！？])");
    /** Scripts written without spaces, where a sentence is counted by its characters rather than its words. */
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\p{IsThai}]");
    /** "Read more", "Baca selengkapnya", "Selengkapnya »", "Weiterlesen", "Lire la suite", "Leer más"… */
    static final Pattern READ_MORE = Pattern.compile("(?iu)^[\\[(»›>]*\\s*(read (more|the full (story|article))"
            + "|continue reading|full story|(baca )?selengkapnya|baca (berita )?lengkap(nya)?|lanjut(kan)? (baca|membaca)"
            + "|weiterlesen|mehr lesen|lire la suite|lire plus|leer m[aá]s|seguir leyendo|continuar leyendo"
            + "|lees meer|leggi (tutto|di più))\\b[^.!?]{0,40}$");
    /** A text that stops with an ellipsis (three dots or …), or with "[…]", where the story was cut for a teaser. */
    private static final Pattern CUT_OFF = Pattern.compile("(\\s*\\[(…|\\.{3})\\]|(?<![.])(\\.{3}|…))[\"”’')\\]]*\\s*$");

    private final IngestOptions options;
    private final Path confinedTo;
    private final LanguageDetector languageDetector = new LanguageDetector();

    /** A reader with {@link IngestOptions#defaults()}. */
    public ArticleReader() {
        this(IngestOptions.defaults());
    }

    public ArticleReader(IngestOptions options) {
        this(options, null);
    }

    private ArticleReader(IngestOptions options, Path confinedTo) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.confinedTo = confinedTo;
    }

    /**
     * A reader that refuses every input that leads outside {@code inputFolder} once its links are resolved (a link
     * to {@code /etc/passwd} must never be read, let alone published).
     */
    public ArticleReader confinedTo(Path inputFolder) {
        return new ArticleReader(options, inputFolder);
    }

    public IngestOptions options() {
        return options;
    }

    /**
     * Everything one input file holds.
     *
     * @param file a file to read; it is not modified
     * @return at least one element: the file's article(s) and rejected entries, in file order
     */
    public List<Ingested> read(Path file) {
        String path = file.toString();
        try {
            return readFile(file, path);
        } catch (IOException e) {
            return List.of(invalid(path, null, 0, "cannot read file: " + e.getMessage()));
        } catch (StackOverflowError e) {
            // markup nested thousands deep: no news page looks like that, and the run must go on
            return List.of(invalid(path, null, 0, "markup nested too deeply to read"));
        } catch (RuntimeException e) {
            // a bug of ours must not stop the run; the item records it so it can be reported and fixed
            log.error("{}: unexpected error while reading", path, e);
            return List.of(invalid(path, null, 0, "unexpected error while reading: " + e));
        }
    }

    private List<Ingested> readFile(Path file, String path) throws IOException {
        InputFiles.Checked checked = InputFiles.check(file, confinedTo);
        if (checked.refusal() != null) {
            return List.of(invalid(path, null, 0, checked.refusal()));
        }
        Path readable = checked.readable();
        long size = Files.size(readable);
        if (size > options.maxFileBytes()) {
            return List.of(invalid(path, null, 0, "file is " + size + " bytes, over the limit of "
                    + options.maxFileBytes() + " bytes"));
        }
        byte[] bytes;
        // the real path, not followed again: a link swapped in after the check is not read
        try (java.io.InputStream in = Files.newInputStream(readable, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) Math.min(options.maxFileBytes() + 1, Integer.MAX_VALUE - 8));
        }
        if (bytes.length > options.maxFileBytes()) {
            return List.of(invalid(path, null, 0, "file is over the limit of " + options.maxFileBytes() + " bytes"));
        }
        if (bytes.length == 0) {
            return List.of(invalid(path, null, 0, "empty file (0 bytes)"));
        }
        String binary = InputBytes.binaryKind(bytes);
        if (binary != null) {
            return List.of(invalid(path, null, 0, "binary file: " + binary));
        }
        if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            return List.of(invalid(path, null, 0, "empty file (only whitespace)"));
        }
        InputBytes.Decoded decoded = InputBytes.decode(bytes, Format.of(file, bytes) == Format.HTML);
        if (decoded.error() != null) {
            return List.of(invalid(path, null, decoded.errorLine(), decoded.error()));
        }
        String text = decoded.text().replace("\u0000", "");
        String encoding = decoded.encoding();
        Format format = Format.of(file, text);
        if (format == Format.UNSUPPORTED) {
            return List.of(invalid(path, null, 0, "unsupported file type '" + extension(file)
                    + "' (Warta reads .txt, .html, .htm, .json and .jsonl)"));
        }
        if (format == Format.JSON_LINES) {
            // JSON is UTF-8 by definition; a UTF-16 file is turned into it, and a line that is not UTF-8 is rejected
            byte[] utf8 = encoding.startsWith("UTF-16") ? text.getBytes(StandardCharsets.UTF_8) : bytes;
            return fromJsonLines(path, utf8, encoding.startsWith("UTF-16") ? encoding : "UTF-8");
        }
        return switch (format) {
            case HTML -> List.of(fromHtml(path, text, encoding));
            case JSON -> fromJson(path, text, encoding);
            default -> List.of(fromText(path, text, encoding));
        };
    }

    // ---- plain text

    private Ingested fromText(String path, String raw, String encoding) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        // the search runs only on a text with an ampersand, which every entity starts with
        if (text.indexOf('&') >= 0 && ENTITY.matcher(text).find()) {
            text = Parser.unescapeEntities(text, false);
        }
        List<String> lines = List.of(text.split("\n", -1));
        int titleIndex = 0;
        while (titleIndex < lines.size() && TextCleaner.normalise(lines.get(titleIndex)).isEmpty()) {
            titleIndex++;
        }
        String title = TextCleaner.normalise(lines.get(titleIndex));
        List<String> paragraphs = textParagraphs(lines.subList(titleIndex + 1, lines.size()));
        if (paragraphs.isEmpty()) {
            return notArticle(path, null, "no body after the title line", title);
        }
        return assemble(path, null, title, paragraphs, ArticleMetadata.EMPTY, 0, encoding, Evidence.NONE);
    }

    /**
     * One paragraph a line, as scrapers write them; but a blank-line-separated block whose lines stop mid-sentence
     * is one paragraph wrapped at a fixed width, and is joined back.
     */
    static List<String> textParagraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            String normalised = TextCleaner.normalise(line);
            if (normalised.isEmpty()) {
                addBlock(block, paragraphs);
                block.clear();
            } else {
                block.add(normalised);
            }
        }
        addBlock(block, paragraphs);
        return paragraphs;
    }

    private static void addBlock(List<String> block, List<String> paragraphs) {
        if (block.size() < 2) {
            paragraphs.addAll(block);
            return;
        }
        long open = block.subList(0, block.size() - 1).stream()
                .filter(line -> !ENDS_A_SENTENCE.matcher(line).matches() && !TextCleaner.isResidue(line)).count();
        boolean wrapped = open * 2 > block.size() - 1 && block.stream().noneMatch(TextCleaner::isResidue);
        if (wrapped) {
            paragraphs.add(String.join(" ", block));
        } else {
            paragraphs.addAll(block);
        }
    }

    // ---- HTML

    private Ingested fromHtml(String path, String html, String encoding) {
        Document document = Jsoup.parse(html);
        HtmlExtractor.Page page = HtmlExtractor.extract(document);
        // a page without its closing tags is read as a browser reads it; only a story that is itself cut off is lost
        String truncation = truncation(html, document, page.paragraphs());
        if (truncation != null) {
            int line = (int) html.lines().count();
            return invalid(path, null, line, truncation + " (file ends at line " + line + ")");
        }
        HtmlMetadata metadata = page.metadata();
        String title = metadata.title();
        if (page.decisive()) {
            return notArticle(path, null, page.notArticleReason(), title);
        }
        List<String> paragraphs = TextCleaner.clean(page.paragraphs()).paragraphs();
        int sentences = sentences(paragraphs);
        if (page.notArticleReason() != null && sentences < 2 * options.minSentences()) {
            return notArticle(path, null, page.notArticleReason() + " with " + sentences + " sentence(s) of text",
                    title);
        }
        String titleDerivedFrom = null;
        if (title == null || title.isBlank()) {
            // a page that holds a story but no title is still delivered: a stand-in title, labelled as not the
            // outlet's, costs a desk a glance; a story never delivered cannot be seen at all
            if (page.firstHeading() != null) {
                title = shortened(page.firstHeading());
                titleDerivedFrom = ArticleMetadata.TITLE_FROM_HEADING;
            } else if (!paragraphs.isEmpty()) {
                List<String> first = SentenceSplitter.split(paragraphs.get(0));
                title = shortened(first.isEmpty() ? paragraphs.get(0) : first.get(0));
                titleDerivedFrom = ArticleMetadata.TITLE_FROM_BODY;
            } else {
                return notArticle(path, null, "no title found (no JSON-LD headline, og:title, <h1> or <title>, "
                        + "no heading) and no body text", null);
            }
        }
        ArticleMetadata known = new ArticleMetadata(metadata.source(), metadata.url(), metadata.publishedAt(),
                null, metadata.author(), metadata.editor(), metadata.publisher(), null, null, titleDerivedFrom);
        return assemble(path, null, title, page.paragraphs(), known, 0, encoding, page.teaserEvidence());
    }

    /**
     * Why a page's story looks cut off, or {@code null}. Missing closing tags alone are not a reason: browsers close
     * them, and so does jsoup. A page is truncated when the file stops inside its story: the document never closes,
     * its last text is the body's last paragraph, and that paragraph stops mid-sentence.
     */
    static String truncation(String html, Document document, List<String> paragraphs) {
        String lower = html.toLowerCase(Locale.ROOT);
        boolean opened = lower.contains("<html") || lower.contains("<body");
        if (!opened || lower.contains("</html>") || lower.contains("</body>") || paragraphs.isEmpty()) {
            return null;
        }
        String last = TextCleaner.normalise(paragraphs.get(paragraphs.size() - 1));
        String pageText = TextCleaner.normalise(document.body() == null ? "" : document.body().text());
        if (last.isEmpty() || !pageText.endsWith(last) || FINISHED.matcher(last).find()) {
            return null;
        }
        String tail = html.stripTrailing();
        int lastOpen = tail.lastIndexOf('<');
        if (lastOpen > tail.lastIndexOf('>')) {
            return "truncated HTML: the file ends inside a tag ('" + abbreviate(tail.substring(lastOpen))
                    + "') and the story stops mid-sentence";
        }
        return "truncated HTML: the story stops mid-sentence ('…" + lastWords(last)
                + "') and the page has no closing </body> or </html>";
    }

    private static String lastWords(String text) {
        return text.length() <= 30 ? text : text.substring(text.length() - 30);
    }

    // ---- feeds

    private List<Ingested> fromJsonLines(String path, byte[] bytes, String encoding) {
        List<FeedEntries.Entry> entries = FeedEntries.jsonLines(bytes);
        if (entries.isEmpty()) {
            return List.of(invalid(path, null, 0, "no JSON lines in the file"));
        }
        List<Ingested> items = new ArrayList<>();
        for (FeedEntries.Entry entry : entries) {
            items.add(fromEntry(path, entry, "line " + entry.line(), encoding));
        }
        return items;
    }

    private List<Ingested> fromJson(String path, String text, String encoding) {
        List<FeedEntries.Entry> entries = FeedEntries.jsonDocument(text);
        if (entries.isEmpty()) {
            return List.of(invalid(path, null, 1, "the JSON array holds no articles"));
        }
        List<Ingested> items = new ArrayList<>();
        for (FeedEntries.Entry entry : entries) {
            String name = entry.location() == null ? "the article" : entry.location();
            items.add(fromEntry(path, entry, name, encoding));
        }
        return items;
    }

    private Ingested fromEntry(String path, FeedEntries.Entry entry, String name, String encoding) {
        if (entry.error() != null) {
            return invalid(path, entry.location(), entry.line(), entry.error());
        }
        JsonNode fields = entry.fields();
        String title = plainText(firstText(fields, "title", "headline", "judul"));
        String body = firstText(fields, "body", "content", "text", "articleBody", "article_body", "isi",
                "content_html");
        if (title == null || title.isBlank()) {
            return invalid(path, entry.location(), entry.line(), name + " has no title (expected \"title\" or "
                    + "\"headline\")");
        }
        if (body == null) {
            return invalid(path, entry.location(), entry.line(), name + " has no body (expected \"body\", "
                    + "\"content\" or \"text\")");
        }
        if (body.isBlank()) {
            return invalid(path, entry.location(), entry.line(), name + " has an empty body");
        }
        List<String> paragraphs;
        Evidence evidence = Evidence.NONE;
        if (TAG.matcher(body).find()) {
            HtmlExtractor.Fragment fragment = HtmlExtractor.fragment(body);
            paragraphs = fragment.paragraphs();
            evidence = fragment.teaserEvidence();
        } else {
            String text = body.indexOf('&') >= 0 && ENTITY.matcher(body).find()
                    ? Parser.unescapeEntities(body, false) : body;
            text = text.replace("\r\n", "\n").replace('\r', '\n');
            paragraphs = textParagraphs(List.of(text.split("\n", -1)));
        }
        String url = firstText(fields, "url", "link", "canonical_url", "canonicalUrl", "canonical");
        String source = firstPresentName(fields, "source", "outlet", "site", "publisher", "site_name");
        ArticleMetadata known = new ArticleMetadata(
                HtmlMetadata.firstPresent(Outlets.fromUrl(url), Outlets.fromName(source)),
                url == null || url.isBlank() ? null : url.strip(),
                PublishedDates.normalise(firstText(fields, "published_at", "publishedAt", "published", "date",
                        "pubDate", "datePublished", "published_time")),
                null,
                firstPresentName(fields, "author", "byline", "reporter", "authors"),
                firstPresentName(fields, "editor"),
                null);
        return assemble(path, entry.location(), title, paragraphs, known, entry.line(), encoding, evidence);
    }

    private static String firstText(JsonNode fields, String... names) {
        for (String name : names) {
            JsonNode value = fields.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    /** A name given as a string, as {@code {"name": …}}, or as an array of either. */
    private static String firstPresentName(JsonNode fields, String... names) {
        for (String name : names) {
            JsonNode value = fields.get(name);
            String text = nameOf(value);
            if (text != null && !text.isBlank()) {
                return TextCleaner.normalise(text);
            }
        }
        return null;
    }

    private static String nameOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> names = new ArrayList<>();
            value.forEach(item -> {
                String name = nameOf(item);
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        if (value.isObject()) {
            return nameOf(value.get("name"));
        }
        return value.asText();
    }

    private static String plainText(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.contains("<") ? Jsoup.parse(text).text() : Parser.unescapeEntities(text, false);
        return TextCleaner.normalise(plain);
    }

    // ---- building items

    /**
     * The article, or the reason it is not one. Short news is an article: a headline with one or two sentences is
     * delivered as a {@link ArticleMetadata#BRIEF brief}. A short text is called a teaser only on evidence (a
     * "read more" link, a text cut off with an ellipsis, a body that is only links), and the reason names it.
     */
    private Ingested assemble(String path, String location, String title, List<String> rawParagraphs,
                              ArticleMetadata known, int line, String encoding, Evidence found) {
        TextCleaner.Cleaned cleaned = TextCleaner.clean(rawParagraphs);
        List<String> paragraphs = cleaned.paragraphs();
        String cleanTitle = TextCleaner.normalise(title);
        if (paragraphs.isEmpty()) {
            String reason = found.onlyLinks() != null
                    ? "a teaser or index, not an article: the body is only a list of links (" + found.onlyLinks() + ")"
                    : "no body text left after removing page furniture";
            return notArticle(path, location, line, reason, cleanTitle);
        }
        int sentences = sentences(paragraphs);
        boolean brief = sentences < options.minSentences();
        if (brief) {
            String evidence = teaserEvidence(rawParagraphs, paragraphs, found);
            if (evidence != null) {
                return notArticle(path, location, line, "a teaser, not an article: " + evidence + " after "
                        + sentences + " sentence(s)", cleanTitle);
            }
            if (sentences == 0) {
                return notArticle(path, location, line, "body has no sentence of three or more words: a caption "
                        + "or a label, not an article", cleanTitle);
            }
        }
        ArticleMetadata metadata = new ArticleMetadata(
                HtmlMetadata.firstPresent(known.source(), Outlets.fromName(cleaned.datelineOutlet())),
                known.url(),
                known.publishedAt(),
                cleaned.datelineCity(),
                HtmlMetadata.firstPresent(known.author(), cleaned.author()),
                HtmlMetadata.firstPresent(known.editor(), cleaned.editor()),
                HtmlMetadata.firstPresent(known.publisher(), cleaned.publisher()),
                brief ? ArticleMetadata.BRIEF : ArticleMetadata.FULL,
                encoding,
                known.titleDerivedFrom());
        LanguageDetector.Detected language = languageDetector.detect(cleanTitle + "\n" + String.join("\n",
                paragraphs));
        String hash = ArticleIds.contentHash(cleanTitle, paragraphs);
        String id = metadata.url() != null ? ArticleIds.fromUrl(metadata.url())
                : ArticleIds.fromContent(cleanTitle, hash);
        return new Article(id, path, location, cleanTitle, paragraphs, metadata, language.language(),
                language.confidence(), hash);
    }

    /**
     * What shows that a short text is the start of a story told elsewhere, or {@code null}: a "read more" line,
     * whether a link the extractor saw or a line a scraper kept, or a last sentence cut off with an ellipsis.
     */
    static String teaserEvidence(List<String> rawParagraphs, List<String> paragraphs, Evidence found) {
        if (found.readMore() != null) {
            return "a \"" + found.readMore() + "\" link";
        }
        for (String raw : rawParagraphs) {
            String line = TextCleaner.normalise(raw);
            if (READ_MORE.matcher(line).matches()) {
                return "a \"" + line + "\" line";
            }
        }
        String last = paragraphs.get(paragraphs.size() - 1);
        Matcher cut = CUT_OFF.matcher(last);
        if (cut.find()) {
            return "the text is cut off with \"" + cut.group().strip() + "\"";
        }
        return null;
    }

    /** Evidence the extractor found in the page or fragment around the body. */
    record Evidence(String readMore, String onlyLinks) {
        static final Evidence NONE = new Evidence(null, null);
    }

    // compiled once: they run on every line and sentence of every article
    private static final Pattern ENDS_A_SENTENCE = Pattern.compile(".*[.!?…:\"”’')]$");

    /** Sentences of at least three words: enough to tell a story from a caption or a teaser. */
    static int sentences(List<String> paragraphs) {
        int count = 0;
        for (String paragraph : paragraphs) {
            for (String sentence : SentenceSplitter.split(paragraph)) {
                for (String part : cjkSentences(sentence)) {
                    String words = part.strip();
                    if (hasThreeWords(words) || CJK.matcher(words).results().count() >= 8) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** 。！？ end sentences without a space; the split is skipped when a sentence has none of them. */
    private static String[] cjkSentences(String sentence) {
        boolean cjkEnd = sentence.indexOf('。') >= 0 || sentence.indexOf('！') >= 0 || sentence.indexOf('？') >= 0;
        return cjkEnd ? CJK_SENTENCE_END.split(sentence) : new String[] {sentence};
    }

    /**
     * At least three words between runs of {@code \s}, in a stripped text: what splitting it at {@code \s+} and
     * counting the pieces said, without the regex engine.
     */
    private static boolean hasThreeWords(String stripped) {
        int gaps = 0;
        boolean inGap = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (space && !inGap) {
                gaps++;
            }
            inGap = space;
        }
        return gaps >= 2;
    }

    private static Rejected invalid(String path, String location, int line, String reason) {
        log.warn("{}{}: rejected as invalid input: {}", path, line > 0 ? ":" + line : "", reason);
        return new Rejected(ArticleIds.forRejected(path, location), path, location, Rejected.Kind.INVALID, reason,
                null);
    }

    /** A stand-in title: the text up to {@value #DERIVED_TITLE_LENGTH} characters, cut at a word, marked when cut. */
    static String shortened(String text) {
        String title = TextCleaner.normalise(text);
        if (title.length() <= DERIVED_TITLE_LENGTH) {
            return title;
        }
        int cut = title.lastIndexOf(' ', DERIVED_TITLE_LENGTH - 1);
        String head = title.substring(0, cut > DERIVED_TITLE_LENGTH / 2 ? cut : DERIVED_TITLE_LENGTH - 1);
        return head.replaceAll("[\\s,;:–—-]+$", "") + "…";
    }

    private static Rejected notArticle(String path, String location, String reason, String title) {
        return notArticle(path, location, 0, reason, title);
    }

    private static Rejected notArticle(String path, String location, int line, String reason, String title) {
        log.warn("{}{}: not a news article: {}", path, line > 0 ? ":" + line : "", reason);
        return new Rejected(ArticleIds.forRejected(path, location), path, location, Rejected.Kind.NOT_ARTICLE,
                reason, title);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "(none)" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 30 ? oneLine : oneLine.substring(0, 30) + "…";
    }

    /** How a file is read, from its extension; a {@code .txt} that is really a saved page is read as HTML. */
    enum Format {
        TEXT, HTML, JSON, JSON_LINES, UNSUPPORTED;

        static Format of(Path file, byte[] bytes) {
            return of(file, new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1));
        }

        static Format of(Path file, String text) {
            String extension = extension(file);
            switch (extension) {
                case ".html", ".htm", ".xhtml", ".shtml" -> {
                    return HTML;
                }
                case ".jsonl", ".ndjson" -> {
                    return JSON_LINES;
                }
                case ".json" -> {
                    return JSON;
                }
                case ".txt", ".text", "(none)" -> {
                    String head = text.substring(0, Math.min(text.length(), 512)).replace("\uFEFF", "")
                            .stripLeading().toLowerCase(Locale.ROOT);
                    return head.startsWith("<!doctype html") || head.startsWith("<html") ? HTML : TEXT;
                }
                default -> {
                    return UNSUPPORTED;
                }
            }
        }
    }
}
