package dev.warta.article;

/**
 * An input that will not be translated, with the reason. It still gets a row in the database and a line in the
 * run summary, so nothing is silently dropped.
 *
 * @param id         derived identity (path and location based)
 * @param sourcePath the input file
 * @param location   position inside a feed, or {@code null}
 * @param kind       why it is not translated: bad input, or a page that is not a news article
 * @param reason     specific, human-readable reason, e.g. {@code "invalid UTF-8 at byte 1043"}
 * @param title      title if one could be read, else {@code null}
 */
public record Rejected(
        String id,
        String sourcePath,
        String location,
        Kind kind,
        String reason,
        String title) implements Ingested {

    public enum Kind {
        /** The input could not be read as an article (empty, binary, too large, malformed). A failure. */
        INVALID,
        /** The input is readable but is not a news article (index page, gallery, video, too short). */
        NOT_ARTICLE
    }
}
