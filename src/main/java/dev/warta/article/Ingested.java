package dev.warta.article;

/**
 * One thing found in an input file: either an {@link Article} ready for translation, or a {@link Rejected} input
 * that carries the reason it will not be translated. Every input file yields at least one of these, so the run
 * summary can account for every file and every feed entry.
 */
public sealed interface Ingested permits Article, Rejected {

    /** Stable identity of this item (article id, or a derived id for a rejected input). */
    String id();

    /** The input file this item came from, as given to the reader. */
    String sourcePath();

    /** Where in the file: {@code null} for a whole file, {@code "line 7"} or {@code "entry 3"} for a feed entry. */
    String location();
}
