package dev.warta.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on the raw bytes of an input before anything tries to read it as text: binary content and UTF-8 validity,
 * each with the position that gives it away, so the reason recorded names the place to look at.
 */
final class InputBytes {

    /** The text of an input and the encoding it was read in, or why it could not be read as text. */
    record Decoded(String text, String encoding, String error, int errorLine) {

        static Decoded of(String text, String encoding) {
            return new Decoded(text, encoding, null, 0);
        }
    }

    /** {@code <meta charset=…>}, {@code <meta http-equiv=Content-Type content="…; charset=…">}, {@code <?xml encoding=…?>}. */
    private static final Pattern DECLARED_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:-]+)|<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-z0-9_.:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private InputBytes() {
    }

    /**
     * The text of an input, read the way a browser would. A byte-order mark decides first (UTF-8, UTF-16 LE/BE);
     * then bytes that are valid UTF-8 are read as UTF-8, whatever a page declares, because pages labelled
     * {@code iso-8859-1} that hold UTF-8 are common and trusting the label turns © into "Â©". Bytes that are not
     * UTF-8 are read in the charset an HTML page declares, and otherwise in Windows-1252, the superset of Latin-1
     * that browsers use for unlabelled legacy text. Bytes that make no sense in Windows-1252 either (control
     * characters where text should be) are not text, and the reason names the first bad byte.
     *
     * @param html whether the input is a page, whose declared charset counts
     */
    static Decoded decode(byte[] bytes, boolean html) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return Decoded.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return Decoded.of(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return Decoded.of(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        Charset utf16 = utf16WithoutMark(bytes);
        if (utf16 != null) {
            return Decoded.of(new String(bytes, utf16), utf16.name());
        }
        int invalid = firstInvalidUtf8(bytes);
        if (invalid < 0) {
            return Decoded.of(new String(bytes, StandardCharsets.UTF_8), "UTF-8");
        }
        Charset charset = html ? declaredCharset(bytes) : null;
        if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
            charset = WINDOWS_1252;
        }
        String text = new String(bytes, charset);
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        if (controls > Math.max(2, text.length() / 200)) {
            int line = lineOf(bytes, invalid);
            return new Decoded(null, null, "invalid UTF-8 at byte " + invalid + " (line " + line + "), and not "
                    + charset.name() + " text either (" + controls + " control characters)", line);
        }
        return Decoded.of(text, charset.name());
    }

    /** The charset a page declares in its first 4 KiB, or {@code null} when none or one Java does not know. */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_CHARSET.matcher(head);
        if (!declared.find()) {
            return null;
        }
        String name = (declared.group(1) != null ? declared.group(1) : declared.group(2)).toLowerCase(Locale.ROOT);
        if (name.matches("iso-?8859-1|latin-?1|us-ascii|ascii|iso_8859-1")) {
            return WINDOWS_1252; // what browsers use for a page labelled iso-8859-1 (the WHATWG encoding standard)
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * UTF-16 saved without a byte-order mark: ASCII text then has a NUL in every other byte, on the same side.
     * Returns the charset, or {@code null} for anything else.
     */
    private static Charset utf16WithoutMark(byte[] bytes) {
        int limit = Math.min(bytes.length, 4096) & ~1;
        if (limit < 8) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < limit; i += 2) {
            evenNul += bytes[i] == 0 ? 1 : 0;
            oddNul += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = limit / 2;
        if (oddNul > pairs * 0.8 && evenNul == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul > pairs * 0.8 && oddNul == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** A name for binary content ({@code "PDF document"}, {@code "NUL byte at byte 17"}), or {@code null} for text. */
    static String binaryKind(byte[] bytes) {
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
            return "PDF document";
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47)) {
            return "PNG image";
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) {
            return "GIF image";
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            return "ZIP archive (or an Office document)";
        }
        if (startsWith(bytes, 0x1F, 0x8B)) {
            return "gzip archive";
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF) || utf16WithoutMark(bytes) != null) {
            return null; // UTF-16 text has a NUL in every other byte; it is read, not rejected
        }
        // a stray NUL in a long page is a glitch a browser shows past; NULs in any number are binary content
        int first = -1;
        int count = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (count > 0 && count * 1_000L > bytes.length) {
            return "NUL byte at byte " + first;
        }
        return null;
    }

    /** Offset of the first byte that is not valid UTF-8, or -1 when all of it is. */
    static int firstInvalidUtf8(byte[] bytes, int from, int to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(Math.max(16, to - from));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        return -1;
    }

    static int firstInvalidUtf8(byte[] bytes) {
        return firstInvalidUtf8(bytes, 0, bytes.length);
    }

    /** 1-based line number of a byte offset. */
    static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    static boolean hasUtf8Bom(byte[] bytes) {
        return startsWith(bytes, 0xEF, 0xBB, 0xBF);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
