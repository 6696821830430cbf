package dev.warta.web;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of RFC 4287 that a feed must follow, checked on the parsed XML: the namespace; exactly one id, title
 * and updated in the feed and in each entry; an author for the feed (or every entry); ids that are absolute IRIs;
 * dates in RFC 3339 form; at most one alternate link per type and language; each entry's summary since it has no
 * content; links with an href that is an absolute URI; and unique entry ids.
 */
final class AtomChecks {

    private AtomChecks() {
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertValidFeed(String xml) throws Exception {
        Element feed = parse(xml).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(AtomFeed.ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertCommon(feed, "feed");
        boolean feedAuthor = !children(feed, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        for (Element entry : children(feed, "entry")) {
            assertCommon(entry, "entry");
            assertThat(feedAuthor || !children(entry, "author").isEmpty()).as("entry or feed has an author").isTrue();
            assertThat(ids.add(text(children(entry, "id").get(0)))).as("entry ids are unique").isTrue();
            assertThat(children(entry, "content")).isEmpty();
            assertThat(children(entry, "summary")).as("an entry without content has a summary").hasSize(1);
            for (Element published : children(entry, "published")) {
                OffsetDateTime.parse(text(published));
            }
            for (Element category : children(entry, "category")) {
                assertThat(category.getAttribute("term")).isNotBlank();
            }
            assertThat(children(entry, "link").stream().anyMatch(l -> "alternate".equals(l.getAttribute("rel"))))
                    .as("an entry without content has an alternate link").isTrue();
        }
        for (Element author : children(feed, "author")) {
            assertThat(children(author, "name")).hasSize(1);
        }
    }

    private static void assertCommon(Element element, String what) {
        assertThat(children(element, "id")).as(what + " id").hasSize(1);
        assertThat(children(element, "title")).as(what + " title").hasSize(1);
        assertThat(children(element, "updated")).as(what + " updated").hasSize(1);
        assertThat(URI.create(text(children(element, "id").get(0))).isAbsolute()).as(what + " id is an IRI").isTrue();
        OffsetDateTime.parse(text(children(element, "updated").get(0)));
        Set<String> alternates = new HashSet<>();
        for (Element link : children(element, "link")) {
            assertThat(URI.create(link.getAttribute("href")).isAbsolute()).as("link href absolute").isTrue();
            String rel = link.getAttribute("rel").isEmpty() ? "alternate" : link.getAttribute("rel");
            if (rel.equals("alternate")) {
                assertThat(alternates.add(link.getAttribute("type") + "|" + link.getAttribute("hreflang")))
                        .as("one alternate link per type and language").isTrue();
            }
        }
        for (Element text : children(element, "title")) {
            assertThat(text.getAttribute("type")).isIn("", "text", "html", "xhtml");
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && AtomFeed.ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }
}
