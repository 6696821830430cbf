package dev.warta.ingest;

import dev.warta.article.Sha256;

import java.net.URI;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Identities of ingested items. Every id is safe as a file name ({@code [a-z0-9-]}, at most 64 characters) and
 * carries a readable part so that an operator can tell items apart in a folder listing.
 */
public final class ArticleIds {

    static final int MAX_LENGTH = 64;
    private static final int HASH_CHARS = 12;

    private ArticleIds() {
    }

    /**
     * Id from a canonical URL: the same story fetched twice (with tracking parameters, over http or https, with or
     * without {@code www.}) gets the same id.
     */
    public static String fromUrl(String url) {
        String normalised = normaliseUrl(url);
        String host = "";
        String lastSegment = "";
        try {
            URI uri = URI.create(normalised);
            host = uri.getHost() == null ? "" : uri.getHost();
            String path = uri.getPath() == null ? "" : uri.getPath();
            for (String segment : path.split("/")) {
                if (!segment.isBlank()) {
                    lastSegment = segment;
                }
            }
        } catch (IllegalArgumentException e) {
            lastSegment = normalised;
        }
        String site = siteLabel(host);
        String words = slug(lastSegment.replaceAll("\\.(html?|php|aspx?)$", ""));
        return compose(site.isEmpty() ? words : site + "-" + words, sha256(normalised));
    }

    /** Id from the content hash, when an article has no URL: it changes only when the text changes. */
    public static String fromContent(String title, String contentHash) {
        return compose(slug(title), contentHash);
    }

    /** Id of a rejected input: from its path and place in the file, so a re-run gives it the same id. */
    public static String forRejected(String path, String location) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String where = location == null ? "" : "-" + location;
        return compose("rejected-" + slug(name + where), sha256(path + "#" + (location == null ? "" : location)));
    }

    /** SHA-256 of the normalised title and body: what {@link dev.warta.article.Article#contentHash()} holds. */
    public static String contentHash(String title, List<String> paragraphs) {
        String text = normaliseText(title) + "\n" + paragraphs.stream()
                .map(ArticleIds::normaliseText).collect(Collectors.joining("\n"));
        return sha256(text);
    }

    static String normaliseUrl(String url) {
        String trimmed = url.strip();
        int hash = trimmed.indexOf('#');
        if (hash >= 0) {
            trimmed = trimmed.substring(0, hash);
        }
        String query = "";
        int question = trimmed.indexOf('?');
        if (question >= 0) {
            query = trimmed.substring(question + 1);
            trimmed = trimmed.substring(0, question);
        }
        String keptQuery = java.util.Arrays.stream(query.split("&"))
                .filter(parameter -> !parameter.isBlank())
                .filter(parameter -> !isTrackingParameter(parameter))
                .collect(Collectors.joining("&"));
        String withoutScheme = trimmed.replaceFirst("(?i)^https?://", "");
        int slash = withoutScheme.indexOf('/');
        String host = (slash < 0 ? withoutScheme : withoutScheme.substring(0, slash)).toLowerCase(Locale.ROOT);
        host = host.replaceFirst("^(www|m|amp)\\.", "");
        String path = slash < 0 ? "" : withoutScheme.substring(slash);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return "https://" + host + path + (keptQuery.isEmpty() ? "" : "?" + keptQuery);
    }

    private static boolean isTrackingParameter(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("ref");
    }

    private static String siteLabel(String host) {
        String[] labels = host.split("\\.");
        // the label before the public suffix names the outlet: kompas in nasional.kompas.com, tempo in tempo.co
        for (int i = labels.length - 1; i >= 0; i--) {
            String label = labels[i];
            if (!List.of("com", "co", "id", "net", "org", "or", "go", "ac", "my", "").contains(label)) {
                return slug(label);
            }
        }
        return "";
    }

    private static String compose(String readable, String hash) {
        int room = MAX_LENGTH - HASH_CHARS - 1;
        String head = readable.length() > room ? readable.substring(0, room) : readable;
        head = head.replaceAll("-+$", "");
        String tail = hash.substring(0, HASH_CHARS);
        return head.isEmpty() ? tail : head + "-" + tail;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    static String normaliseText(String text) {
        if (alreadyNormal(text)) {
            return text;
        }
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    /**
     * Whether {@link #normaliseText} would return the text unchanged, decided in one pass without allocating: almost
     * every paragraph is normal already, and the normaliser and the regex took a quarter of reading a file. Text
     * below U+0300 is in NFC (canonical composition needs a combining mark or a Hangul or Indic letter, all from
     * U+0300 up; {@code ArticleIdsTest} checks every such character and pair on the JDK that runs it); then only
     * single plain spaces between words, and nothing that {@code strip()} would take from the ends.
     */
    static boolean alreadyNormal(String text) {
        int length = text.length();
        if (length > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1)))) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' || (c <= ' ' && (c != ' ' || previous == ' ') && isRegexSpace(c))) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The regex class {@code \s} (without UNICODE_CHARACTER_CLASS): space, tab, line ends, vertical tab, form feed. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Compiled once: every paragraph of every article goes through it for the content hash. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    static String sha256(String text) {
        return Sha256.hex(text);
    }
}
