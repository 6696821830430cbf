package dev.warta.ingest;

/**
 * Settings of ingestion.
 *
 * @param maxFileBytes  files larger than this are rejected without being read (a scraper gone wrong can write
 *                      gigabytes; reading them would stall the run)
 * @param minSentences  a body with fewer sentences than this is not treated as a news article
 */
public record IngestOptions(long maxFileBytes, int minSentences) {

    /** 5 MiB: the largest real news page seen so far is under 1 MiB with all its scripts. */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** "A body of one or two sentences" is a teaser or a caption, not an article. */
    public static final int DEFAULT_MIN_SENTENCES = 3;

    public IngestOptions {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
        if (minSentences < 1) {
            throw new IllegalArgumentException("minSentences must be at least 1, was " + minSentences);
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions(DEFAULT_MAX_FILE_BYTES, DEFAULT_MIN_SENTENCES);
    }

    public IngestOptions withMaxFileBytes(long bytes) {
        return new IngestOptions(bytes, minSentences);
    }
}
