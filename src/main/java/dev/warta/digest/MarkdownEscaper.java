package dev.warta.digest;

import java.util.regex.Pattern;

/**
 * Escapes article text for the Markdown digest, so that a hostile title or body stays text: no links, images,
 * raw HTML, headings, lists or emphasis can be injected into the analysts' Markdown viewer.
 */
public final class MarkdownEscaper {

    /**
     * CommonMark lets any ASCII punctuation be backslash-escaped; these can open markup anywhere in a line. Parentheses
     * and '!' are left alone: they only act after a '[' (escaped), and titles are full of "(KPK)".
     */
    private static final String ACTIVE = "\\`*_{}[]<>#|~&";

    /** "1998. Something" or "3) item" at the start of a block would become an ordered list item. */
    private static final Pattern ORDERED_LIST_START = Pattern.compile("^(\\d{1,9})([.)])");

    /** '-', '+' and '=' act only at the start of a line (list item, thematic break, setext underline). */
    private static final Pattern LINE_START_MARKER = Pattern.compile("^([-+=])");

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private MarkdownEscaper() {
    }

    /**
     * Escapes text that is placed inline or as a block of its own. Line breaks are folded into single spaces: a line
     * break inside article text could otherwise start a new block (a heading, an HTML block, a setext underline).
     *
     * @param text any text, may be {@code null}
     * @return the escaped single-line text; the empty string for {@code null}
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = WHITESPACE_RUN.matcher(text).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder(oneLine.length() + 16);
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            if (ACTIVE.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(Character.isISOControl(c) ? '\uFFFD' : c);
        }
        String escaped = ORDERED_LIST_START.matcher(out).replaceFirst("$1\\\\$2");
        return LINE_START_MARKER.matcher(escaped).replaceFirst("\\\\$1");
    }
}
