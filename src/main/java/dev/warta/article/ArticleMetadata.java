package dev.warta.article;

/**
 * What is known about an article besides its text. Every field may be {@code null}.
 *
 * @param source      outlet name, e.g. {@code "TIMES Indonesia"}, {@code "Kompas"}
 * @param url         canonical URL of the original
 * @param publishedAt ISO-8601 date-time, with offset when the source gives one ({@code 2024-11-05T10:15:00+07:00})
 * @param dateline    city of the dateline that opened the body ({@code "Jakarta"})
 * @param author      author or reporter
 * @param editor      editor
 * @param publisher   publisher line of the outlet
 * @param form        {@link #BRIEF} for short news (a headline and one or two sentences), {@link #FULL} for a story
 *                    of several sentences; {@code null} when not known (articles stored before this field existed)
 * @param encoding    the character encoding the input file was read in ({@code UTF-8}, {@code UTF-16LE},
 *                    {@code windows-1252}, …), so a desk can tell a mis-decoded text from a mistranslation
 * @param titleDerivedFrom {@code null} when the title is the outlet's own (headline, {@code og:title},
 *                    {@code <title>}); else where Warta took it from, because the page gave none:
 *                    {@link #TITLE_FROM_HEADING} or {@link #TITLE_FROM_BODY}. A desk then knows the headline is not
 *                    the outlet's.
 */
public record ArticleMetadata(
        String source,
        String url,
        String publishedAt,
        String dateline,
        String author,
        String editor,
        String publisher,
        String form,
        String encoding,
        String titleDerivedFrom) {

    /** A story of several sentences. */
    public static final String FULL = "article";
    /** Short news: a headline with one or two sentences, delivered as an article and labelled so. */
    public static final String BRIEF = "brief";
    /** The page had no title; its first heading (of any level) stands in for one. */
    public static final String TITLE_FROM_HEADING = "first heading";
    /** The page had no title and no heading; the body's first sentence, shortened, stands in for one. */
    public static final String TITLE_FROM_BODY = "first sentence of the body";

    public static final ArticleMetadata EMPTY = new ArticleMetadata(null, null, null, null, null, null, null);

    /** Metadata without form and encoding, as callers wrote it before those fields existed. */
    public ArticleMetadata(String source, String url, String publishedAt, String dateline, String author,
                           String editor, String publisher) {
        this(source, url, publishedAt, dateline, author, editor, publisher, null, null);
    }

    /** Metadata with the outlet's own title, as callers wrote it before derived titles existed. */
    public ArticleMetadata(String source, String url, String publishedAt, String dateline, String author,
                           String editor, String publisher, String form, String encoding) {
        this(source, url, publishedAt, dateline, author, editor, publisher, form, encoding, null);
    }

    /** Whether the article is short news rather than a full story. */
    public boolean brief() {
        return BRIEF.equals(form);
    }

    /** Whether Warta made the title up from the page's text because the page gave none. */
    public boolean titleDerived() {
        return titleDerivedFrom != null;
    }
}
