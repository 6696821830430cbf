package dev.warta.ingest;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the text of an element as a reader sees it: a new paragraph at every block element and at every
 * {@code <br>}, so that pages built from {@code <p>}, from {@code <br><br>} runs or from a mix of both give the same
 * paragraphs. Each paragraph carries how much of its text is link text, to tell a story from a list of links.
 */
final class BlockText {

    /** One paragraph as read, with the characters that were link text and the block element it sits in. */
    record Block(String text, int linkChars, String tag) {

        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }
    }

    static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "section", "article", "main", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "pre", "header", "footer", "aside",
            "nav", "figure", "figcaption", "hr", "address", "center", "form", "fieldset", "details", "summary", "body",
            "html", "caption");

    static final Set<String> INVISIBLE_TAGS = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio",
            "head", "title", "meta", "link", "button", "select", "textarea", "input");

    private static final Pattern SPACE_RUN = Pattern.compile("\\s+");

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int currentLinkChars;
    private String currentTag = "body";

    private BlockText() {
    }

    static List<Block> of(Element root) {
        BlockText reader = new BlockText();
        reader.visit(root, false);
        reader.flush();
        return reader.blocks;
    }

    static List<Block> of(List<Element> roots) {
        BlockText reader = new BlockText();
        for (Element root : roots) {
            reader.visit(root, false);
            reader.flush();
        }
        return reader.blocks;
    }

    private void visit(Node node, boolean inLink) {
        if (node instanceof TextNode textNode) {
            String text = textNode.getWholeText();
            current.append(text);
            if (inLink) {
                // as the block's text is measured: runs of spaces collapsed, so a link that pretty-printed source
                // breaks over indented lines does not count its indentation as link text
                currentLinkChars += SPACE_RUN.matcher(text.strip()).replaceAll(" ").length();
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        if (INVISIBLE_TAGS.contains(tag)) {
            return;
        }
        if (tag.equals("br")) {
            flush();
            return;
        }
        boolean block = BLOCK_TAGS.contains(tag);
        String outerTag = currentTag;
        if (block) {
            flush();
            currentTag = tag;
        }
        boolean link = inLink || isLink(element);
        boolean opensBlock = current.toString().isBlank();
        for (Node child : element.childNodes()) {
            visit(child, link);
        }
        if (block) {
            flush();
            currentTag = outerTag;
        } else if (tag.equals("td") || tag.equals("th")) {
            current.append(' '); // a table row "Editor | : Name" reads as one line
        } else if (opensBlock && (tag.equals("b") || tag.equals("strong"))
                && Datelines.isBare(TextCleaner.normalise(element.text()))) {
            current.append(" - "); // "<b>Liputan6.com, Jakarta</b> Film …": a dateline whose dash is the bold type
        }
    }

    /**
     * An {@code <a>}, or any other element that carries an {@code href}: sites built from web components write their
     * menus as {@code <pp-link href>}, and a menu is links however it is spelt.
     */
    static boolean isLink(Element element) {
        return element.normalName().equals("a") || element.hasAttr("href") && !INVISIBLE_TAGS.contains(element.normalName());
    }

    /** Characters of link text in an element, each link counted once even when links nest. */
    static int linkChars(Element element) {
        int chars = 0;
        for (Element link : element.select("a, [href]")) {
            boolean nested = false;
            for (Element up = link; up != element && up.parent() != null && !nested; up = up.parent()) {
                nested = isLink(up.parent());
            }
            if (isLink(link) && !nested) {
                chars += link.text().length();
            }
        }
        return chars;
    }

    private void flush() {
        String text = TextCleaner.normalise(current.toString());
        if (!text.isEmpty()) {
            blocks.add(new Block(text, Math.min(currentLinkChars, text.length()), currentTag));
        }
        current.setLength(0);
        currentLinkChars = 0;
    }
}
