package dev.warta.digest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether an article's URL may become a link. Only absolute {@code http} and {@code https} URLs with a host
 * qualify: {@code javascript:}, {@code data:}, {@code file:} and relative URLs stay plain text, so a hostile feed
 * cannot plant a link that runs script or reads local files.
 */
public final class WebLink {

    private WebLink() {
    }

    /**
     * @param url a URL as found in the article metadata, may be {@code null}
     * @return the URL, normalised by {@link URI}, when it is an absolute http(s) URL with a host; empty otherwise
     */
    public static Optional<String> httpUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(uri.toASCIIString());
    }
}
