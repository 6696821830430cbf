package dev.warta.ingest;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a news page says about itself in JSON-LD ({@code NewsArticle}), OpenGraph, {@code <meta>} tags and
 * {@code <link rel=canonical>}, read before the page is stripped down to its text. Structured data wins over
 * OpenGraph, OpenGraph over plain tags: the further a field is from the page's layout, the less it lies.
 */
record HtmlMetadata(
        String title,
        String url,
        String source,
        String publishedAt,
        String author,
        String editor,
        String publisher,
        String ogType,
        Set<String> schemaTypes,
        String articleBody) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
            "opinionnewsarticle", "backgroundnewsarticle", "report");

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(?:[-|–—»:]|::)\\s+");
    private static final Pattern DOMAIN_LIKE = Pattern.compile("(?i)\\.(com|co\\.id|co|id|net|org)\\b|\\bnews\\b");

    boolean declaresArticle() {
        return schemaTypes.stream().anyMatch(ARTICLE_TYPES::contains)
                || (ogType != null && ogType.toLowerCase(Locale.ROOT).startsWith("article"));
    }

    static HtmlMetadata read(Document document) {
        JsonLd ld = JsonLd.read(document);
        String url = firstPresent(
                absoluteHttp(document.selectFirst("link[rel=canonical]"), "href"),
                httpOnly(meta(document, "og:url")),
                httpOnly(ld.url));
        Set<String> hints = siteHints(url, meta(document, "og:site_name"));
        String title = title(document, ld, hints);
        String source = firstPresent(Outlets.fromUrl(url), Outlets.fromName(meta(document, "og:site_name")),
                Outlets.fromName(ld.publisher));
        String publishedAt = PublishedDates.normalise(firstPresent(
                ld.datePublished,
                meta(document, "article:published_time"),
                meta(document, "og:published_time"),
                meta(document, "pubdate"),
                meta(document, "publishdate"),
                meta(document, "publish-date"),
                meta(document, "content_PublishedDate"),
                meta(document, "dtk:publishdate"),
                meta(document, "date"),
                meta(document, "dc.date"),
                meta(document, "DC.date.issued"),
                attributeOrText(document.selectFirst("[itemprop=datePublished]"), "content", "datetime"),
                attributeOrText(document.selectFirst("time[datetime]"), "datetime")));
        if (publishedAt == null) {
            publishedAt = writtenDate(document);
        }
        String author = firstPresent(ld.author, personMeta(document, hints),
                text(document.selectFirst("[itemprop=author] [itemprop=name]")),
                text(document.selectFirst("[itemprop=author]")),
                text(document.selectFirst("[rel=author]")),
                byline(document));
        java.util.Map<String, String> credits = creditLines(document);
        author = firstPresent(author, credits.get("author"));
        String editor = firstPresent(text(document.selectFirst("[itemprop=editor]")), credits.get("editor"));
        return new HtmlMetadata(title, url, source, publishedAt, author, editor, credits.get("publisher"),
                meta(document, "og:type"), ld.types, ld.articleBody);
    }

    // ---- title

    private static String title(Document document, JsonLd ld, Set<String> hints) {
        if (ld.headline != null) {
            return withoutSiteName(ld.headline, hints);
        }
        String pageTitle = firstPresent(meta(document, "og:title"), meta(document, "twitter:title"),
                meta(document, "title"), TextCleaner.normalise(document.title()), titleOutsideHead(document));
        String cleaned = pageTitle == null ? null : withoutSiteName(pageTitle, hints);
        // a heading that the page title contains is the title without the site's decoration
        for (String tag : List.of("h1", "h2")) {
            for (Element heading : document.select(tag)) {
                String text = TextCleaner.normalise(heading.text());
                // without a page title only an <h1> is the page's declared title; other headings may be a banner's
                if (text.length() >= 10 && (cleaned == null && tag.equals("h1") || containsIgnoringCase(pageTitle, text)
                        && text.length() * 2 >= cleaned.length())) {
                    return text;
                }
            }
        }
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * A {@code <title>} that the markup left in the body (a script written before {@code <html>} moves the rest of
     * the head there): browsers still show it as the page's title, as the first {@code <title>} of the document.
     * The titles inside SVG images name pictures, not the page.
     */
    private static String titleOutsideHead(Document document) {
        for (Element title : document.select("title")) {
            if (title.closest("svg") == null) {
                String text = TextCleaner.normalise(title.text());
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** {@code Judul berita - Kompas.com} → {@code Judul berita}; {@code KapanLagi.com: Judul} → {@code Judul}. */
    static String withoutSiteName(String title, Set<String> hints) {
        String result = TextCleaner.normalise(org.jsoup.parser.Parser.unescapeEntities(title, false));
        boolean changed = true;
        while (changed) {
            changed = false;
            List<String> parts = List.of(TITLE_SEPARATOR.split(result));
            if (parts.size() < 2) {
                int colon = result.indexOf(": ");
                if (colon > 0 && looksLikeSite(result.substring(0, colon), hints)) {
                    result = result.substring(colon + 2).strip();
                    changed = true;
                }
                continue;
            }
            String last = parts.get(parts.size() - 1);
            String first = parts.get(0);
            if (looksLikeSite(last, hints)) {
                result = result.substring(0, result.lastIndexOf(last)).strip();
                result = result.replaceAll("\\s*(?:[-|–—»:]|::)$", "").strip();
                changed = true;
            } else if (looksLikeSite(first, hints)) {
                result = result.substring(first.length()).strip().replaceAll("^(?:[-|–—»:]|::)\\s*", "");
                changed = true;
            }
        }
        return result;
    }

    private static boolean looksLikeSite(String part, Set<String> hints) {
        String lower = part.toLowerCase(Locale.ROOT).replace(" ", "");
        if (part.length() > 40) {
            return false;
        }
        if (DOMAIN_LIKE.matcher(part).find() || Outlets.isOutletName(part)) {
            return true;
        }
        for (String hint : hints) {
            if (lower.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> siteHints(String url, String siteName) {
        Set<String> hints = new LinkedHashSet<>();
        if (siteName != null) {
            hints.add(siteName.toLowerCase(Locale.ROOT).replace(" ", "").replaceAll("\\.(com|co\\.id|co|id)$", ""));
        }
        if (url != null) {
            try {
                String host = URI.create(url).getHost();
                if (host != null) {
                    for (String label : host.toLowerCase(Locale.ROOT).split("\\.")) {
                        if (label.length() >= 4 && !Set.of("www", "news", "berita").contains(label)) {
                            hints.add(label);
                        }
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed URL gives no hint
            }
            String outlet = Outlets.fromUrl(url);
            if (outlet != null) {
                hints.add(outlet.toLowerCase(Locale.ROOT).replace(" ", ""));
            }
        }
        hints.removeIf(String::isBlank);
        return hints;
    }

    // ---- people and dates

    private static String personMeta(Document document, Set<String> hints) {
        String author = firstPresent(meta(document, "content_author"), meta(document, "dtk:author"),
                meta(document, "author"));
        if (author == null || author.startsWith("http") || looksLikeSite(author, hints)) {
            return null;
        }
        String lower = author.toLowerCase(Locale.ROOT);
        if (lower.contains("media") || lower.contains("redaksi") || lower.contains("network")) {
            return null; // "Kompas Cyber Media": the company, not a person
        }
        return author;
    }

    private static String byline(Document document) {
        for (Element element : document.select(".byline, .author, .penulis, .reporter, .writer, .pewarta")) {
            if (inPhoto(element)) {
                continue; // "<span class=author>" under a picture credits the photographer or the photo's source
            }
            String text = TextCleaner.normalise(element.text())
                    .replaceFirst("(?i)^(pewarta|penulis|reporter|oleh|by|editor|author)\\s*:?\\s*", "");
            if (!text.isEmpty() && text.length() <= 80) {
                return text;
            }
        }
        return null;
    }

    /**
     * Credit lines anywhere on the page ({@code Editor: …} under the story, a {@code Penulis | : …} table), first
     * of each role. They often sit outside the story's container, so the body alone would miss them.
     */
    private static java.util.Map<String, String> creditLines(Document document) {
        java.util.Map<String, String> credits = new java.util.HashMap<>();
        if (document.body() == null) {
            return credits;
        }
        for (BlockText.Block block : BlockText.of(document.body())) {
            TextCleaner.Person person = TextCleaner.person(block.text());
            if (person != null && !inPhotoCredit(person.name())) {
                credits.putIfAbsent(person.role(), person.name());
            }
        }
        return credits;
    }

    private static boolean inPhotoCredit(String name) {
        return name.startsWith("http") || name.contains("/");
    }

    private static boolean inPhoto(Element element) {
        for (Element ancestor = element; ancestor != null; ancestor = ancestor.parent()) {
            String marks = (ancestor.className() + " " + ancestor.id()).toLowerCase(Locale.ROOT);
            if (ancestor.normalName().equals("figure") || marks.matches(".*(photo|foto|caption|image|img|gambar).*")) {
                return true;
            }
        }
        return false;
    }

    private static String writtenDate(Document document) {
        for (Element element : document.select("[class*=date], [class*=tanggal], [class*=time], [id*=date]")) {
            String text = element.ownText().isBlank() ? element.text() : element.ownText();
            if (text.length() <= 80) {
                String date = PublishedDates.normalise(text);
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    // ---- small readers

    static String meta(Document document, String name) {
        for (Element element : document.select("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop="
                + name + "]")) {
            String content = element.attr("content");
            if (!content.isBlank()) {
                return TextCleaner.normalise(content);
            }
        }
        return null;
    }

    private static String attributeOrText(Element element, String... attributes) {
        if (element == null) {
            return null;
        }
        for (String attribute : attributes) {
            if (!element.attr(attribute).isBlank()) {
                return element.attr(attribute).strip();
            }
        }
        return text(element);
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = TextCleaner.normalise(element.hasAttr("content") ? element.attr("content") : element.text());
        return text.isEmpty() || text.length() > 100 ? null : text;
    }

    private static String absoluteHttp(Element element, String attribute) {
        if (element == null) {
            return null;
        }
        String value = element.absUrl(attribute);
        return httpOnly(value.isEmpty() ? element.attr(attribute) : value);
    }

    private static String httpOnly(String url) {
        return url != null && url.strip().matches("(?i)https?://\\S+") ? url.strip() : null;
    }

    private static boolean containsIgnoringCase(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    @SafeVarargs
    static <T> T firstPresent(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                return value;
            }
        }
        return null;
    }

    /** The fields Warta reads from {@code <script type="application/ld+json">} blocks. */
    private static final class JsonLd {
        String headline;
        String url;
        String datePublished;
        String author;
        String publisher;
        String articleBody;
        final Set<String> types = new LinkedHashSet<>();

        static JsonLd read(Document document) {
            JsonLd ld = new JsonLd();
            for (Element script : document.select("script[type=application/ld+json]")) {
                try {
                    ld.visit(JSON.readTree(script.data()));
                } catch (Exception e) {
                    // broken structured data is common; the page's other metadata still counts
                }
            }
            return ld;
        }

        private void visit(JsonNode node) {
            if (node == null) {
                return;
            }
            if (node.isArray()) {
                node.forEach(this::visit);
                return;
            }
            if (!node.isObject()) {
                return;
            }
            if (node.has("@graph")) {
                visit(node.get("@graph"));
            }
            List<String> nodeTypes = new ArrayList<>();
            JsonNode type = node.get("@type");
            if (type != null && type.isArray()) {
                type.forEach(t -> nodeTypes.add(t.asText().toLowerCase(Locale.ROOT)));
            } else if (type != null) {
                nodeTypes.add(type.asText().toLowerCase(Locale.ROOT));
            }
            types.addAll(nodeTypes);
            if (nodeTypes.stream().noneMatch(ARTICLE_TYPES::contains) || headline != null) {
                return;
            }
            headline = string(node.get("headline"));
            datePublished = string(node.get("datePublished"));
            author = names(node.get("author"));
            publisher = names(node.get("publisher"));
            articleBody = string(node.get("articleBody"));
            JsonNode page = node.get("mainEntityOfPage");
            url = firstPresent(string(node.get("url")), page == null ? null
                    : page.isObject() ? string(page.get("@id")) : string(page));
        }

        private static String names(JsonNode node) {
            if (node == null) {
                return null;
            }
            if (node.isArray()) {
                List<String> names = new ArrayList<>();
                node.forEach(item -> {
                    String name = names(item);
                    if (name != null) {
                        names.add(name);
                    }
                });
                return names.isEmpty() ? null : String.join(", ", names);
            }
            return node.isObject() ? string(node.get("name")) : string(node);
        }

        private static String string(JsonNode node) {
            if (node == null || node.isNull() || node.isContainerNode()) {
                return null;
            }
            String text = TextCleaner.normalise(node.asText());
            return text.isEmpty() ? null : text;
        }
    }
}
