package dev.warta.digest;

/**
 * Escapes article text for HTML. Every piece of text that came from an article (or from a model that read one)
 * goes through {@link #escape(String)} before it reaches the page, whether it lands in element content or in a
 * quoted attribute value.
 */
public final class HtmlEscaper {

    private HtmlEscaper() {
    }

    /**
     * Escapes {@code & < > " '} so the text can neither open a tag nor leave a quoted attribute, and replaces control
     * characters (which HTML forbids and some renderers mishandle) with U+FFFD.
     *
     * @param text any text, may be {@code null}
     * @return the escaped text; the empty string for {@code null}
     */
    public static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(isForbiddenControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
