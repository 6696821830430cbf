package dev.warta.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits Indonesian text into words, numbers and punctuation, remembering where the source had spaces. */
final class Tokenizer {

    enum Type { WORD, NUMBER, PUNCT }

    /**
     * @param text        the token as written
     * @param type        word, number or punctuation
     * @param spaceBefore whether the source had white space before it (keeps {@code "(5/1)"} and {@code COVID-19} intact)
     */
    record Token(String text, Type type, boolean spaceBefore) {
    }

    // Words may hold inner hyphens (anak-anak) and apostrophes (Jum'at); numbers may hold . and , separators.
    private static final Pattern TOKEN = Pattern.compile(
            "(?<word>\\p{L}[\\p{L}\\p{M}]*(?:['’-][\\p{L}\\p{M}]+)*)|(?<number>\\d+(?:[.,]\\d+)*)|(?<punct>\\S)");
    /** {@code Rp5.000} and {@code Rp.5} read as {@code Rp 5.000}. */
    private static final Pattern GLUED_RUPIAH = Pattern.compile("\\bRp\\.?\\s*(?=\\d)");

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        String normalised = GLUED_RUPIAH.matcher(text).replaceAll("Rp ");
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalised);
        int last = 0;
        while (m.find()) {
            boolean space = m.start() > last && Character.isWhitespace(normalised.charAt(m.start() - 1));
            Type type = m.group("word") != null ? Type.WORD : m.group("number") != null ? Type.NUMBER : Type.PUNCT;
            tokens.add(new Token(m.group(), type, space || tokens.isEmpty()));
            last = m.end();
        }
        return tokens;
    }
}
