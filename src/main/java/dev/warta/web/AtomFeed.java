package dev.warta.web;

import dev.warta.digest.PublishedTime;
import dev.warta.digest.WebLink;
import dev.warta.store.StoredArticle;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The desks' Atom feed (RFC 4287) of delivered articles: each entry has the English headline, the English summary,
 * the topic tags as categories, a link to the article's page and one to the original. Written with a streaming XML
 * writer, which escapes every text and attribute: nothing of an article is pasted into markup.
 */
final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /**
     * @param title   the feed's title
     * @param selfUrl the feed's own absolute URL (also its id: one feed per tag or outlet has one id)
     * @param baseUrl the app's absolute base URL, without a trailing slash
     */
    static String render(String title, String selfUrl, String baseUrl, List<StoredArticle> articles) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "title", title);
            text(xml, "id", selfUrl);
            Instant updated = articles.stream().map(a -> Instant.parse(a.updatedAt())).max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            text(xml, "updated", updated.toString());
            link(xml, "self", "application/atom+xml", selfUrl);
            link(xml, "alternate", "text/html", baseUrl + "/");
            xml.writeStartElement("author");
            text(xml, "name", "Warta");
            xml.writeEndElement();
            text(xml, "generator", "Warta");
            for (StoredArticle article : articles) {
                entry(xml, article, baseUrl);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, StoredArticle article, String baseUrl) throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", "urn:warta:article:" + article.id());
        String headline = article.translation().title();
        text(xml, "title", clean(headline == null || headline.isBlank() ? article.title() : headline));
        text(xml, "updated", Instant.parse(article.updatedAt()).toString());
        String publishedAt = article.article() == null ? null : article.article().metadata().publishedAt();
        Optional<Instant> published = PublishedTime.parse(publishedAt).sortKey();
        if (published.isPresent()) {
            text(xml, "published", published.get().toString());
        }
        link(xml, "alternate", "text/html", baseUrl + "/articles/" + article.id());
        if (article.article() != null) {
            Optional<String> original = WebLink.httpUrl(article.article().metadata().url());
            if (original.isPresent()) {
                link(xml, "related", "text/html", original.get());
            }
            String source = article.article().metadata().source();
            if (source != null && !source.isBlank()) {
                xml.writeStartElement("source");
                text(xml, "title", clean(source));
                xml.writeEndElement();
            }
        }
        for (String tag : article.translation().tags()) {
            if (tag != null && !tag.isBlank()) {
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", clean(tag));
            }
        }
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(clean(article.translation().summary() == null ? "" : article.translation().summary()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value == null ? "" : clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** Drops the control characters XML 1.0 cannot carry at all (a scraped page may hold them). */
    static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
