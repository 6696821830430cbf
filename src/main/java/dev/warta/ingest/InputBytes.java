package dev.warta.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks on the raw bytes of an input before anything tries to read it as text: binary content and UTF-8 validity,
 * each with the position that gives it away, so the reason recorded names the place to look at.
 */
final class InputBytes {

    private InputBytes() {
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
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return "UTF-16 text (Warta reads UTF-8)";
        }
        int limit = Math.min(bytes.length, 64 * 1024);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return "NUL byte at byte " + i;
            }
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
