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
 */
public record ArticleMetadata(
        String source,
        String url,
        String publishedAt,
        String dateline,
        String author,
        String editor,
        String publisher) {

    public static final ArticleMetadata EMPTY = new ArticleMetadata(null, null, null, null, null, null, null);
}
