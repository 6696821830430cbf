package dev.warta.ingest;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the story in a saved news page: strips what is never text (scripts, comments, iframes, ad slots, share
 * widgets, "Baca juga" blocks, captions, tag lists), scores the remaining containers by the paragraphs they hold
 * (in the spirit of Mozilla Readability), and reads the best one paragraph by paragraph. Also tells pages that are
 * not articles (feeds, home and index pages, galleries, video pages) by the signals they carry.
 */
final class HtmlExtractor {

    /**
     * What a page yielded: metadata, the body paragraphs before cleaning, and why it is not an article if so.
     * A decisive reason (a feed, an index page) stands on its own; a gallery or video page with a real story under
     * the pictures is still an article, so those reasons count only for short bodies.
     */
    record Page(HtmlMetadata metadata, List<String> paragraphs, String notArticleReason, boolean decisive,
                ArticleReader.Evidence teaserEvidence, String firstHeading) {
    }

    /** The paragraphs of an HTML fragment (a feed entry's body), with the teaser evidence found in it. */
    record Fragment(List<String> paragraphs, ArticleReader.Evidence teaserEvidence) {
    }

    /** Words in class and id values that mark page furniture rather than story text. */
    private static final List<String> FURNITURE_WORDS = List.of(
            "share", "social", "sosmed", "related", "terkait", "bacajuga", "baca-juga", "baca_juga", "readalso",
            "read-also", "lihatjuga", "comment", "komentar", "advert", "iklan", "banner", "sidebar", "widget",
            "breadcrumb", "breadcome", "caption", "addthis", "newsletter", "popular", "populer", "rekomendasi",
            "recommend", "sponsor", "outbrain", "taboola", "gpt-ad", "subscribe", "langganan", "authorbox",
            "author-box", "footer", "masthead", "navbar", "navigation", "pagination", "tagcloud", "taglist",
            "tag-list", "copyright", "disclaimer", "terbaru", "terkini", "headline-list", "trending", "photo-credit",
            "foto-credit", "byline", "gallery-list", "video-list", "nav-", "menu", "cookie", "consent", "modal",
            "popup", "lightbox", "overlay");
    /** Whole tokens (split at '-', '_' and spaces) that mark furniture; too short to match inside other words. */
    private static final Set<String> FURNITURE_TOKENS = Set.of(
            "ad", "ads", "tag", "tags", "topik", "nav", "cap", "promo", "paging", "hide", "hidden", "print",
            "date", "meta", "author", "penulis", "editor", "red", "credit", "embed", "related", "most", "box-header",
            "firma", "autor", "auteur", "fecha", "datum", "publicidad", "werbung", "publicite");
    private static final List<String> CONTENT_WORDS = List.of(
            "article", "artikel", "content", "konten", "body", "entry", "isi", "detail", "text", "story", "post",
            "main", "read", "berita", "news");

    private static final Set<String> REMOVED_TAGS = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio",
            "form", "button", "input", "select", "textarea", "nav", "footer", "aside", "figure", "figcaption", "ins",
            "link", "meta", "header");

    /** Page-structure elements that are removed with their content, unless they hold the page itself. */
    private static final Set<String> STRUCTURAL_TAGS = Set.of("header", "footer", "aside", "nav");
    /** WordPress labels a post with its taxonomy ("hentry", "post-1431", "tag-winter"): words that are not furniture. */
    private static final Pattern WORDPRESS_POST = Pattern.compile("(^|\\s)(hentry|type-(post|page)|(post|page)-\\d+)(\\s|$)");
    private static final Pattern MARKUP = Pattern.compile("(?i)</?(p|br|div|strong|em|a|span|h[1-6])\\b[^>]*>");
    /**
     * Headings that open a list of other stories after the story: "Mehr zum Thema", "Lesen Sie auch", "Articles
     * liés", "Zobacz także", "Baca juga". A heading is a short line, matched whole, with an optional colon.
     */
    private static final Pattern RELATED_HEADING = Pattern.compile("(?iu)^[\\s»›>•|-]*("
            // English
            + "related( (articles?|posts?|stories|news|content|reading))?|read (next|also)|more (stories|articles|news"
            + "|posts)( from [^.!?]{1,40})?|you (may|might) also (like|enjoy)|recommended( for you| stories)?"
            + "|further reading|latest (news|posts|stories|articles)|most (read|popular)|popular (posts|stories)"
            + "|recent (posts|articles)|see also|also read|don'?t miss"
            // German
            + "|mehr (zum thema|zu diesem thema|dazu|aus [^.!?]{1,40}|zu [^.!?]{1,40})|das (könnte|dürfte) (sie|dich|euch) "
            + "(auch |ebenfalls )?interessieren|auch interessant|ebenfalls interessant|schon gelesen|lesen sie (auch|mehr)"
            + "( die folgenden beiträge| zum thema)?|zum weiterlesen|weiterlesen|weitere (artikel|beiträge|meldungen"
            + "|nachrichten|themen)( [^.!?]{1,40})?|neueste (artikel|beiträge)|ähnliche (artikel|beiträge|themen)"
            + "|verwandte (artikel|beiträge|themen)|passend zum thema|lust auf mehr|empfehlungen( aus [^.!?]{1,40})?"
            + "|das könnte sie auch interessieren"
            // French, Spanish, Portuguese, Italian
            + "|articles? (liés|similaires|connexes)|(à )?lire aussi|sur le même sujet|vous aimerez (aussi|peut-être)"
            + "|(noticias|artículos|notas) relacionad[oa]s|te puede interesar|también te puede interesar|lee también"
            + "|más noticias|veja também|leia também|notícias relacionadas|leggi anche|articoli correlati"
            // Polish, Dutch, Russian, Indonesian
            + "|zobacz (także|też|również)|czytaj (także|też|również)|przeczytaj (także|też|również)|polecamy"
            + "|lees ook|gerelateerde artikelen|читайте также|похожие (статьи|новости)|другие новости"
            + "|berita (terkait|lainnya|terbaru|populer)|artikel terkait|baca juga|pilihan untukmu"
            + ")\\s*[:?!.…]*\\s*$");
    /**
     * Headings that close a story rather than open a box inside it: the comments, "further information", a note
     * about the author, how to cite the piece, an appeal. Near the end of the text (less than a third after them)
     * they and everything after them go; elsewhere they are kept, since a story may have a section so named.
     */
    private static final Pattern STORY_END_HEADING = Pattern.compile("(?iu)^[\\s»›>•|-]*("
            + "(\\d+ |no |keine |view |show |leave a |post a )?(comments?|kommentare?|commentaires?|comentarios?"
            + "|komentar|reply|antworten)( \\(\\d+\\))?|(weitere|mehr) (informationen|infos?)( (zu|zum|zur) [^.!?]{1,40})?"
            + "|more information|further information|plus d'informations|más información|informasi lebih lanjut"
            + "|top[- ]themen( der redaktion)?|top stories|über (den|die) autor(in)?|about the author|à propos de l'auteur"
            + "|sobre el autor|tentang penulis|pour citer cet article|aller plus loin|zitiervorschlag|suggested citation"
            + "|while you('| a)re here|bevor du gehst|das könnte dich auch interessieren|teilen|share( this)?( article| post)?"
            + "|diesen (artikel|beitrag) teilen|partager( cet article)?|compartir|bagikan( artikel ini)?"
            + ")\\s*[:?!.…]*\\s*$");
    /**
     * Lines that speak to the reader about the site rather than tell the story: copyright and reprint notes,
     * subscription, app and newsletter appeals, "follow us", "was this useful?", "share this", membership and
     * donation appeals, citation notes, affiliate disclosures. Dropped only in the run of lines that ends the text.
     */
    private static final Pattern READER_APPEAL = Pattern.compile("(?iu)(©|\\(c\\) ?\\d{4}|\\bcopyright\\b"
            + "|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados"
            + "|tutti i diritti riservati|wszelkie prawa zastrzeżone|hak cipta|copyrighted|written permission"
            + "|without (prior )?permission|subscribe (now|today|to)|jetzt abonnieren|abonnieren sie|newsletter"
            + "|download (the|our) [^.!?]{0,40}apps?\\b|follow us|folgen sie uns|folge uns|síguenos|siguenos|suivez-nous"
            + "|ikuti kami|was this (article|page|post|information|answer) (helpful|useful)"
            + "|(war|ist) (der|dieser|die|diese) (artikel|beitrag|text|seite|information) (nützlich|hilfreich)"
            + "|fanden sie (diesen|den|die|diese) (artikel|beitrag|seite)|(möchten|wollen) sie (den|diesen) (artikel|beitrag) teilen"
            + "|share this (article|post|story|page)|cet article vous a plu|if you (enjoyed|liked) (reading )?this"
            + "|support (our|independent) (work|journalism)|unterstütze[n]? (uns|unsere|[a-z]+mag)|hazte (miembro|socio)"
            + "|become a (member|subscriber|patron)|suggested citation|pour citer cet article|zitiervorschlag"
            + "|this (post|article|page) (contains|may contain) (references|affiliate|links)|affiliate[- ]links?"
            + "|enthält (werbung|affiliate)|(gefällt|gefiel) (dir|ihnen) (unser|dieser|der|das)[^.!?]{0,40}\\?)");
    /** A summary that ends in a link to the story it summarises: "… Gebuchte Reisen fallen aus. mehr". */
    private static final Pattern ENDS_IN_MORE_LINK = Pattern.compile("(?iu)[.!?…\"”)]\\s*\\[?(mehr|more|read more"
            + "|weiterlesen|lire la suite|leer más|selengkapnya|continue reading|más|plus)\\]?\\s*[→»›>]*$");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?…\"”’»)]\\s*$");
    private static final Pattern COMMENTS = Pattern.compile("(?i)comment|komentar|disqus|respond|replies");
    /** Three words of two or more letters: a headline, not a date or a number. */
    private static final Pattern HEADLINE_WORDS = Pattern.compile("(\\p{L}{2,}\\P{L}+){2}\\p{L}{2,}");
    /** The longest label (a rubric, a date) that a teaser card shows before its headline link. */
    private static final int TEASER_LABEL = 30;
    /** Under this many characters a body is suspect, and the extraction is tried again with less pruning. */
    private static final int SHORT_BODY = 250;

    private static final Pattern GALLERY_PATH = Pattern.compile("(?i)/(foto|galeri|gallery|photo|photos|fotografi|"
            + "galeri-foto|photo-story)(/|$)");
    /** A site's photo desk on its own host: {@code photo.liputan6.com}, {@code foto.kompas.com}. */
    private static final Pattern GALLERY_HOST =
            Pattern.compile("(?i)//((?:foto|photo|photos|galeri|gallery)\\.[^/:?#]+)");
    private static final Pattern VIDEO_PATH = Pattern.compile("(?i)/(video|videos|tv|watch)(/|$)|//(video|tv)\\.");

    private HtmlExtractor() {
    }

    static Page extract(Document document) {
        HtmlMetadata metadata = HtmlMetadata.read(document);
        if (isFeed(document)) {
            int items = document.select("item, entry").size();
            return new Page(metadata, List.of(),
                    "RSS/Atom feed listing " + items + " items: an index of headlines, not an article page", true,
                    ArticleReader.Evidence.NONE, null);
        }
        Element body = document.body();
        if (body == null) {
            return new Page(metadata, List.of(), "no <body> in the page", true, ArticleReader.Evidence.NONE, null);
        }
        Element work = body.clone();
        removeNonText(work, true);
        int images = work.select("img").size();
        List<Element> containers = mainContent(work);
        List<String> paragraphs = paragraphs(containers, metadata.title());
        if (length(paragraphs) < SHORT_BODY) {
            // As Readability retries without its "unlikely candidate" pruning: class names are weak evidence, and a
            // site that names its story's wrapper like furniture ("menu-sticky", "content-share") must not lose it.
            Element lenient = body.clone();
            removeNonText(lenient, false);
            List<Element> lenientContainers = mainContent(lenient);
            List<String> lenientParagraphs = paragraphs(lenientContainers, metadata.title());
            if (length(lenientParagraphs) > Math.max(SHORT_BODY, 2 * length(paragraphs))) {
                containers = lenientContainers;
                paragraphs = lenientParagraphs;
            }
        }
        int extracted = paragraphs.stream().mapToInt(String::length).sum();
        if (metadata.articleBody() != null && metadata.articleBody().strip().length() > 2 * extracted + 200) {
            // the page's own structured data holds the story and the markup hid it from us: trust the publisher
            String articleBody = metadata.articleBody();
            // some publishers put the story's HTML, not its text, in articleBody: read it as a fragment
            paragraphs = MARKUP.matcher(articleBody).find() ? fragmentParagraphs(articleBody)
                    : List.of(articleBody.split("\\n\\s*\\n|\\n"));
        }
        String kind = pageKind(document, metadata, paragraphs, images);
        return new Page(metadata, paragraphs, kind, kind != null && kind.startsWith("index page"),
                teaserEvidence(containers.isEmpty() ? List.of(work) : containers, paragraphs),
                metadata.title() == null ? firstHeading(containers, work) : null);
    }

    /**
     * For a page without a title: the first heading of any level in the story, else in the page around it once
     * navigation, headers and footers are gone (a site's name in its banner is not the story's heading).
     */
    private static String firstHeading(List<Element> containers, Element page) {
        List<Element> places = new ArrayList<>(containers);
        places.add(page);
        for (Element place : places) {
            for (Element heading : place.select("h1, h2, h3, h4, h5, h6")) {
                String text = TextCleaner.normalise(heading.text());
                if (text.length() >= 3) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Paragraphs of an HTML fragment, as feeds carry in their {@code content} field. */
    static List<String> fragmentParagraphs(String html) {
        return fragment(html).paragraphs();
    }

    static Fragment fragment(String html) {
        Document fragment = org.jsoup.Jsoup.parseBodyFragment(html);
        Element body = fragment.body();
        removeNonText(body, true);
        List<String> paragraphs = paragraphs(List.of(body), null);
        return new Fragment(paragraphs, teaserEvidence(List.of(body), paragraphs));
    }

    /**
     * A "read more" link in or right after the body, or a body whose every block is a list of links: the signs that
     * a short text is a teaser for a story told elsewhere.
     */
    private static ArticleReader.Evidence teaserEvidence(List<Element> containers, List<String> paragraphs) {
        List<Element> places = new ArrayList<>(containers);
        if (!containers.isEmpty()) {
            Element next = containers.get(containers.size() - 1).nextElementSibling();
            if (next != null && next.text().length() < 200) {
                places.add(next);
            }
        }
        String readMore = null;
        for (Element place : places) {
            for (Element link : place.select("a")) {
                String text = TextCleaner.normalise(link.text());
                if (ArticleReader.READ_MORE.matcher(text).matches()) {
                    readMore = text;
                    break;
                }
            }
            if (readMore != null) {
                break;
            }
        }
        String onlyLinks = null;
        if (paragraphs.isEmpty() && !containers.isEmpty()) {
            int links = 0;
            for (Element container : containers) {
                links += container.select("a[href]").size();
            }
            if (links > 0) {
                onlyLinks = links + " link" + (links == 1 ? "" : "s");
            }
        }
        return new ArticleReader.Evidence(readMore, onlyLinks);
    }

    private static boolean isFeed(Document document) {
        return !document.select("rss, feed > entry, rdf|RDF").isEmpty()
                || (!document.select("channel").isEmpty() && document.select("item").size() >= 2);
    }

    // ---- cleaning the tree

    private static int length(List<String> paragraphs) {
        return paragraphs.stream().mapToInt(String::length).sum();
    }

    /**
     * Removes what is never story text. With {@code byClassNames}, also every element whose class or id names it
     * page furniture, except one that holds most of the page's prose: that is the story's wrapper, whatever its
     * name says. Comment sections go in both passes: readers' replies are never the story, and a short post must
     * not come back from the lenient pass with its comments.
     */
    private static void removeNonText(Element root, boolean byClassNames) {
        List<Node> comments = new ArrayList<>();
        root.forEachNode(node -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        });
        comments.forEach(Node::remove);
        int rootText = root.text().length();
        int rootProse = prose(root);
        for (Element element : new ArrayList<>(root.getAllElements())) {
            if (element == root || element.parent() == null) {
                continue;
            }
            boolean articleHeader = element.normalName().equals("header") && element.closest("article") != null;
            // ASP.NET pages wrap the whole page in one <form>: a form that holds most of the text is the page
            boolean pageForm = element.normalName().equals("form") && element.text().length() * 2 > rootText;
            // a <header> or <aside> left open by the page's markup swallows everything after it: one that holds
            // most of the page's prose is the page, not its header
            boolean unclosed = STRUCTURAL_TAGS.contains(element.normalName()) && rootProse > 0
                    && prose(element) * 2 > rootProse;
            if (REMOVED_TAGS.contains(element.normalName()) && !articleHeader && !pageForm && !unclosed
                    && element.select("[itemprop=articleBody]").isEmpty()) {
                element.remove();
            } else if (isHidden(element)) {
                element.remove();
            }
        }
        for (Element element : new ArrayList<>(root.getAllElements())) {
            if (element != root && element.parent() != null && isTeaserList(element)) {
                element.remove();
            }
        }
        int pageProse = prose(root);
        // prose in paragraphs of 100+ characters: what a menu of many short items cannot outweigh
        int pageParagraphs = byClassNames ? prosePara(root, 100) : 0;
        List<Element> posts = new ArrayList<>();
        for (Element element : root.getAllElements()) {
            if (WORDPRESS_POST.matcher(element.className().toLowerCase(Locale.ROOT)).find()) {
                posts.add(element);
            }
        }
        for (Element element : new ArrayList<>(root.getAllElements())) {
            if (element == root || element.parent() == null || !isFurniture(element)) {
                continue;
            }
            if (posts.size() == 1 && posts.get(0) == element) {
                continue; // the page's one post, labelled with its tags; a list of such posts is teasers
            }
            boolean commentSection = COMMENTS.matcher(element.className() + " " + element.id()).find();
            if (!commentSection && (!byClassNames || pageProse > 0 && prose(element) * 2 > pageProse
                    || pageParagraphs > 0 && prosePara(element, 100) * 2 > pageParagraphs)) {
                continue; // without class-name pruning, only comments go: readers' replies are never the story
            }
            element.remove();
        }
    }

    /**
     * A block of teasers for other stories ("related", "more for you", a list of recent posts), told by its shape
     * rather than its name: at least three items, most of its children, each short and opening with a headline
     * link (after at most a short label such as a rubric or a date), whatever text follows the link (a summary, a
     * date).
     */
    private static boolean isTeaserList(Element element) {
        // the story's own <h1> (a blog post's title is often a permalink) makes its block the story, not a teaser
        if (!element.select("[itemprop=articleBody], h1").isEmpty()) {
            return false;
        }
        int items = 0;
        int children = 0;
        for (Element child : element.children()) {
            String text = TextCleaner.normalise(child.text());
            if (text.isEmpty()) {
                continue;
            }
            children++;
            // the headline is the item's first link made of words (an image or share link comes before it in many
            // cards; a comment's permalinked date is not a headline), and at most a short label goes before it: a
            // rubric ("Hot Gossip") or a date
            String headline = child.select("a").stream().map(a -> TextCleaner.normalise(a.text()))
                    .filter(linkText -> linkText.length() >= 15 && HEADLINE_WORDS.matcher(linkText).find())
                    .findFirst().orElse(null);
            int at = headline == null ? -1 : text.indexOf(headline);
            if (text.length() <= 400 && at >= 0 && at <= TEASER_LABEL
                    && text.length() > at + headline.length() + 20) {
                items++;
            }
        }
        return items >= 3 && items * 10 >= children * 6;
    }

    /** Characters of text outside links: what a reader reads, not what they click. */
    private static int prose(Element element) {
        return Math.max(0, element.text().length() - BlockText.linkChars(element));
    }

    private static boolean isHidden(Element element) {
        if (element.normalName().equals("body") || !element.select("[itemprop=articleBody]").isEmpty()) {
            return false;
        }
        return element.hasAttr("hidden") || element.attr("style").replace(" ", "").contains("display:none")
                || element.attr("aria-hidden").equals("true") && element.text().length() < 200;
    }

    private static boolean isFurniture(Element element) {
        if (element.normalName().equals("body") || element.normalName().equals("a")
                || element.hasAttr("itemprop") && element.attr("itemprop").equals("articleBody")
                || !element.select("[itemprop=articleBody]").isEmpty()) {
            return false;
        }
        if (!BlockText.BLOCK_TAGS.contains(element.normalName()) && !element.normalName().equals("span")) {
            return false; // class names on <strong>, <em>, <font> style words of the story ("red", "date")
        }
        String marks = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT).strip();
        if (element.normalName().equals("span") && !marks.matches(".*(share|social|sosmed|advert|iklan|caption|credit|hide|hidden).*")) {
            return false; // a <span class="red"> inside a sentence is emphasis, not furniture
        }
        if (marks.isEmpty()) {
            return false;
        }
        boolean furniture = FURNITURE_WORDS.stream().anyMatch(marks::contains);
        if (!furniture) {
            for (String token : marks.split("[\\s_-]+")) {
                if (FURNITURE_TOKENS.contains(token)) {
                    furniture = true;
                    break;
                }
            }
        }
        if (!furniture) {
            return false;
        }
        // a container named "content-share" may still hold the story: keep it when it holds long paragraphs
        boolean contentNamed = CONTENT_WORDS.stream().anyMatch(marks::contains);
        return !(contentNamed && element.select("p").stream().mapToInt(p -> p.text().length()).sum() > 500);
    }

    // ---- finding the main content

    private static List<Element> mainContent(Element root) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element element : root.getAllElements()) {
            for (String chunk : directChunks(element)) {
                double score = paragraphScore(chunk);
                if (score == 0) {
                    continue;
                }
                boolean paragraph = isParagraphLike(element);
                Element owner = paragraph && element.parent() != null ? element.parent() : element;
                scores.merge(owner, score, Double::sum);
                if (owner.parent() != null) {
                    scores.merge(owner.parent(), score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element candidate = entry.getKey();
            double score = (entry.getValue() + classWeight(candidate)) * (1 - linkDensity(candidate));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        // the story may start in the parent's own text and go on in a child (ANTARA: first paragraph, then <div>),
        // or be split over several containers (a lead in one, the rest in another): climb while the parent adds
        // a real share of prose, as paragraphs rather than links
        int own = prosePara(best);
        Element ancestor = best.parent();
        // past a level that adds a little prose (a heading, an intro line), the story's other sections must be
        // made of real paragraphs: short teaser summaries in cards do not make a level part of the story
        boolean pastProse = false;
        for (int wrappers = 0; ancestor != null && ancestor != root && wrappers <= 10; ancestor = ancestor.parent()) {
            int added = prosePara(ancestor) - own - captionProse(ancestor, best);
            int needed = Math.max(150, own / 8);
            boolean spreads = added >= needed && linkDensity(ancestor) < 0.4
                    && (!pastProse || prosePara(ancestor, 100) - prosePara(best, 100) >= Math.max(300, own / 4));
            if (spreads || hasOwnParagraphs(ancestor) && ancestor == best.parent() || leadBefore(ancestor, best, own)) {
                best = ancestor;
                own = prosePara(best);
                wrappers = 0;
                pastProse = false;
            } else if (added < 40) {
                wrappers++; // a wrapper that adds no prose: the story's other blocks may sit one level higher
            } else if (linkDensity(ancestor) < 0.25) {
                wrappers++; // a section's heading or intro: the story's other sections may sit higher
                pastProse = true;
            } else {
                break;
            }
        }
        List<Element> containers = new ArrayList<>();
        Element parent = best.parent();
        double threshold = Math.max(3, bestScore * 0.25);
        if (parent == null) {
            return List.of(best);
        }
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                containers.add(sibling);
            } else {
                double siblingScore = scores.getOrDefault(sibling, 0.0) * (1 - linkDensity(sibling));
                // a lead or a closing paragraph kept in its own block next to the story's: prose, not links
                boolean longParagraph = sibling.text().length() >= 80 && linkDensity(sibling) < 0.25
                        && (sibling.normalName().equals("p") || prosePara(sibling) >= 80);
                if (siblingScore >= threshold || longParagraph) {
                    containers.add(sibling);
                }
            }
        }
        return containers;
    }

    /**
     * Prose that {@code ancestor} holds, beside the branch leading to {@code best}, in photos with their captions (an
     * image and under 300 characters of text): the caption above a story ("KOMPAS.COM/NAME Police hand over …") is
     * written in sentences, but it describes the picture and makes no level part of the story.
     */
    private static int captionProse(Element ancestor, Element best) {
        int chars = 0;
        for (Element child : ancestor.children()) {
            if (child == best || child.select("img").isEmpty()) {
                continue;
            }
            // the photo may sit deeper: beside the headline and the date in the story's header block, or in a
            // wrapper between the story's block and this level
            boolean photo = child.text().length() < 300 && !best.parents().contains(child);
            chars += photo ? prosePara(child) : captionProse(child, best);
        }
        return chars;
    }

    /**
     * Whether {@code ancestor} adds to the story only a lead: prose in paragraphs of 100+ characters before the
     * story's block (a standfirst kept in the page's header row, beside the title and date), shorter than the story,
     * and nothing after it. A lead is shorter than the share of prose a level must add to join the story, but it is
     * the story's first paragraph.
     */
    private static boolean leadBefore(Element ancestor, Element best, int own) {
        if (linkDensity(ancestor) >= 0.25) {
            return false;
        }
        Element holder = best;
        while (holder.parent() != null && holder.parent() != ancestor) {
            holder = holder.parent();
        }
        if (holder.parent() != ancestor) {
            return false;
        }
        int before = 0;
        int after = 0;
        boolean passed = false;
        for (Element child : ancestor.children()) {
            if (child == holder) {
                passed = true;
            } else if (passed) {
                after += prosePara(child);
            } else {
                for (BlockText.Block block : BlockText.of(child)) {
                    // a lead is written as a paragraph of the story; a pull quote or a subtitle is not one
                    if (block.text().length() >= 100 && block.linkDensity() < 0.3 && block.tag().equals("p")
                            && !block.text().matches("^[\"“„«»'‘].*")) {
                        before += block.text().length();
                    }
                }
            }
        }
        return before >= 100 && before < own && after < 40;
    }

    /** Characters in paragraphs of some length that are not mostly links: the prose an element holds. */
    private static int prosePara(Element element) {
        return prosePara(element, 40);
    }

    private static int prosePara(Element element, int minLength) {
        int chars = 0;
        BlockText.Block previous = null;
        for (BlockText.Block block : BlockText.of(element)) {
            if (block.text().length() >= minLength && block.linkDensity() < 0.3 && !isHeadlineLink(previous)) {
                chars += block.text().length();
            }
            previous = block;
        }
        return chars;
    }

    /**
     * A heading that is wholly a link: the headline of another story. The paragraph under it is that story's
     * summary (a teaser in a sidebar: "Pro Kontra", "Editor's pick"), prose to read but not this story's.
     */
    private static boolean isHeadlineLink(BlockText.Block block) {
        return block != null && block.tag().matches("h[1-6]") && block.linkDensity() > 0.8;
    }

    /** A {@code <p>}, or a {@code <div>} used as one (holds text and no block children), as Readability reads it. */
    private static boolean isParagraphLike(Element element) {
        String tag = element.normalName();
        if (tag.equals("p") || tag.equals("blockquote") || tag.equals("li") || tag.matches("h[1-6]")) {
            return true;
        }
        if (!tag.equals("div") && !tag.equals("span") && !tag.equals("font")) {
            return false;
        }
        for (Element child : element.children()) {
            if (BlockText.BLOCK_TAGS.contains(child.normalName())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOwnParagraphs(Element element) {
        return directChunks(element).stream().anyMatch(chunk -> paragraphScore(chunk) > 0 && chunk.length() >= 40);
    }

    /** Text that sits directly in an element, cut at {@code <br>} and at block children. */
    private static List<String> directChunks(Element element) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                chunk.append(text.getWholeText());
            } else if (child instanceof Element inline && !BlockText.BLOCK_TAGS.contains(inline.normalName())
                    && !inline.normalName().equals("br")) {
                if (!BlockText.isLink(inline)) {
                    chunk.append(inline.text());
                } else {
                    chunk.append('\u0000'); // link text does not count as story text
                }
            } else {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        chunks.add(chunk.toString());
        List<String> result = new ArrayList<>();
        for (String text : chunks) {
            String normalised = TextCleaner.normalise(text.replace("\u0000", " "));
            if (!normalised.isEmpty()) {
                result.add(normalised);
            }
        }
        return result;
    }

    private static double paragraphScore(String text) {
        if (text.length() < 25) {
            return 0;
        }
        long commas = text.chars().filter(c -> c == ',').count();
        return 1 + commas + Math.min(text.length() / 100.0, 3);
    }

    private static double classWeight(Element element) {
        String marks = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        double weight = 0;
        if (CONTENT_WORDS.stream().anyMatch(marks::contains)) {
            weight += 5;
        }
        if (element.attr("itemprop").equals("articleBody")) {
            weight += 50;
        }
        if (element.normalName().equals("article")) {
            weight += 15; // HTML5's own word for "the story": stronger than any class name
        }
        return weight;
    }

    private static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        return Math.min(1, (double) BlockText.linkChars(element) / length);
    }

    // ---- reading the paragraphs

    private static List<String> paragraphs(List<Element> containers, String title) {
        removePhotoBoxes(containers);
        List<BlockText.Block> blocks = new ArrayList<>();
        for (BlockText.Block block : BlockText.of(containers)) {
            if (title == null || !block.text().equalsIgnoreCase(title)) {
                blocks.add(block);
            }
        }
        List<String> texts = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        int storyChars = 0;
        for (BlockText.Block block : withoutRelatedBoxes(blocks)) {
            if (block.linkDensity() > 0.5 && block.text().length() < 300) {
                continue; // lists of links to other stories, tag lists, "Baca juga: <a>…</a>"
            }
            if (block.linkChars() > 0 && ENDS_IN_MORE_LINK.matcher(block.text()).find()) {
                summaries.add(block.text());
            } else {
                storyChars += block.text().length();
            }
            texts.add(block.text());
        }
        // summaries of other pages, each ending in its "more" link; when they are all the text, the page is a
        // teaser and must say so, so they stay for the teaser check
        if (!summaries.isEmpty() && storyChars > length(summaries)) {
            texts.removeAll(summaries);
        }
        return withoutTrailingLabels(withoutRepeats(texts));
    }

    /**
     * Removes the photos inside the story with their captions: a block ({@code <div>}, {@code <table>}, not a
     * paragraph) that holds an image and under 300 characters of text, a small part of the story's text. Pages
     * whose captions are not marked up as {@code <figure>} or named "caption" ("Foto: AP/Jon Super" under a picture
     * in a table cell) would otherwise read the caption as a paragraph of the story.
     */
    private static void removePhotoBoxes(List<Element> containers) {
        int total = containers.stream().mapToInt(container -> container.text().length()).sum();
        for (Element container : containers) {
            for (Element box : container.select("div, table, span, center")) {
                // a picture inside a paragraph (an emoji, an icon) belongs to the paragraph's sentence
                if (box == container || box.parent() == null || box.select("img").isEmpty()
                        || box.closest("p, li, h1, h2, h3, h4, h5, h6") != null) {
                    continue;
                }
                // the outermost such block goes; a paragraph with an inline picture is a paragraph
                if (photoBoxSized(box, total) && !hasPhotoBoxParent(box, container, total)) {
                    box.remove();
                }
            }
        }
    }

    /** Under 300 characters, under a fifth of the story's text, and no paragraph, list item or heading inside. */
    private static boolean photoBoxSized(Element box, int storyChars) {
        int text = box.text().length();
        return text < 300 && text * 5 < storyChars && box.select("p, li, h1, h2, h3, h4, h5, h6").isEmpty();
    }

    private static boolean hasPhotoBoxParent(Element box, Element container, int storyChars) {
        for (Element parent = box.parent(); parent != null && parent != container; parent = parent.parent()) {
            if (photoBoxSized(parent, storyChars)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A heading such as "Mehr zum Thema", "Lee también" or "Articles liés" opens a box of other stories inside the
     * story's block. Near the end (less than a sixth of the text follows it) everything from it on is other
     * stories. Elsewhere the story goes on after the box: the heading and the box's items (links, short lines) are
     * dropped up to the next paragraph of prose.
     */
    private static List<BlockText.Block> withoutRelatedBoxes(List<BlockText.Block> blocks) {
        int total = 0;
        for (BlockText.Block block : blocks) {
            total += block.text().length();
        }
        List<BlockText.Block> kept = new ArrayList<>();
        int before = 0;
        boolean inBox = false;
        for (int i = 0; i < blocks.size(); i++) {
            BlockText.Block block = blocks.get(i);
            String text = block.text();
            int position = before;
            before += text.length();
            if (i > 0 && text.length() <= 60 && position >= 200 && RELATED_HEADING.matcher(text).matches()) {
                if ((total - position) * 6 < total) {
                    return kept;
                }
                inBox = true;
            } else if (i > 0 && text.length() <= 60 && position >= 200 && (total - position) * 3 < total
                    && STORY_END_HEADING.matcher(text).matches()) {
                return kept;
            } else if (!inBox || text.length() >= 100 && block.linkDensity() < 0.2
                    && ENDS_SENTENCE.matcher(text).find()) {
                inBox = false; // the story goes on after the box
                kept.add(block);
            }
        }
        return kept;
    }

    /**
     * A story ends with a sentence. Short lines after its last sentence that end in no sentence mark, or that
     * announce something with a colon ("Weitere Informationen", "Das könnte Sie auch interessieren:", "Share this"),
     * or that speak to the reader about the site (copyright, "subscribe", "was this useful?"),
     * label what follows the story, not the story; credit lines stay, since the cleaner reads names from them.
     */
    private static List<String> withoutTrailingLabels(List<String> texts) {
        int end = texts.size();
        while (end > 1) {
            String last = texts.get(end - 1);
            boolean credit = TextCleaner.person(last) != null;
            boolean label = last.length() < 40 && !ENDS_SENTENCE.matcher(last).find()
                    || last.length() < 120 && last.endsWith(":")
                    || last.length() < 400 && READER_APPEAL.matcher(last).find();
            if (credit || !label) {
                break;
            }
            end--;
        }
        return end == texts.size() ? texts : new ArrayList<>(texts.subList(0, end));
    }

    /** Pull quotes and teasers repeat a sentence of the story; the story keeps it once, where it belongs. */
    private static List<String> withoutRepeats(List<String> texts) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String core = texts.get(i).replaceAll("^[.…\\s\"“]+|[.…\\s\"”]+$", "");
            boolean repeated = false;
            for (int j = 0; j < texts.size() && core.length() >= 30; j++) {
                if (j != i && texts.get(j).length() > texts.get(i).length() && texts.get(j).contains(core)) {
                    repeated = true;
                    break;
                }
                if (j < i && texts.get(j).equals(texts.get(i))) {
                    repeated = true;
                    break;
                }
            }
            if (!repeated) {
                kept.add(texts.get(i));
            }
        }
        return kept;
    }

    // ---- pages that are not articles

    private static String pageKind(Document document, HtmlMetadata metadata, List<String> paragraphs, int images) {
        String ogType = metadata.ogType() == null ? "" : metadata.ogType().toLowerCase(Locale.ROOT);
        String path = pathOf(metadata.url());
        Set<String> types = metadata.schemaTypes();
        if (ogType.startsWith("video") || types.contains("videoobject") && !metadata.declaresArticle()
                || metadata.url() != null && VIDEO_PATH.matcher(metadata.url()).find()) {
            return "video page (" + evidence(ogType, path, "video") + ")";
        }
        Matcher galleryHost = GALLERY_HOST.matcher(metadata.url() == null ? "" : metadata.url());
        boolean onGalleryHost = galleryHost.find();
        boolean galleryByPage = ogType.contains("gallery") || GALLERY_PATH.matcher(path).find();
        if (types.contains("imagegallery") || galleryByPage || onGalleryHost) {
            // the page's own type or path is the clearer evidence; the host is named when it is the only one
            String evidence = !galleryByPage && onGalleryHost
                    ? "photo host " + galleryHost.group(1) : evidence(ogType, path, "gallery");
            return "photo gallery (" + evidence + ", " + images + " images)";
        }
        int headlineLinks = 0;
        for (Element link : document.select("a")) {
            if (link.text().length() >= 30) {
                headlineLinks++;
            }
        }
        // story prose: paragraphs long enough to be sentences of a story rather than headlines or labels
        int storyChars = paragraphs.stream().filter(p -> p.length() >= 40).mapToInt(String::length).sum();
        boolean homePath = metadata.url() != null && (path.isEmpty() || path.equals("/")
                || path.matches("(?i)/(index\\.(html?|php))?|/(kanal|indeks|index|tag|topik|category|kategori)/.*"));
        if (!metadata.declaresArticle() && storyChars < 500 && (homePath || headlineLinks >= 15)) {
            return "index page: " + headlineLinks + " headline links"
                    + (homePath ? " at " + (path.isEmpty() ? "/" : path) : "") + " and no article body";
        }
        return null;
    }

    private static String evidence(String ogType, String path, String word) {
        if (ogType.contains(word) || ogType.startsWith(word)) {
            return "og:type " + ogType;
        }
        if (!path.isEmpty()) {
            return "URL path " + path;
        }
        return "structured data";
    }

    private static String pathOf(String url) {
        if (url == null) {
            return "";
        }
        try {
            String path = URI.create(url).getRawPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

}
