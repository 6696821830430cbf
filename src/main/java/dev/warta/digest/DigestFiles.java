package dev.warta.digest;

import java.nio.file.Path;

/**
 * The files one {@link DigestWriter#write} call produced.
 *
 * @param html     the self-contained page, {@code <day folder>/digest.html}
 * @param markdown its Markdown twin, {@code <day folder>/digest.md}
 */
public record DigestFiles(Path html, Path markdown) {
}
