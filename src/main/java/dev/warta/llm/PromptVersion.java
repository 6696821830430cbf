package dev.warta.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A short hash of every prompt file. Stored translations carry it, so editing a prompt re-translates articles on
 * the next run without anyone having to remember to bump a version number.
 */
final class PromptVersion {

    static final List<String> PROMPTS = List.of(
            "translate-article.system.txt", "translate-article.user.txt",
            "translate-chunk.system.txt", "translate-chunk.user.txt",
            "summarise.system.txt", "summarise.user.txt");

    private static final String CURRENT = compute();

    private PromptVersion() {
    }

    static String current() {
        return CURRENT;
    }

    private static String compute() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String prompt : PROMPTS) {
                try (InputStream in = PromptVersion.class.getResourceAsStream("/prompts/" + prompt)) {
                    if (in == null) {
                        throw new IllegalStateException("prompt resource missing: /prompts/" + prompt);
                    }
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
