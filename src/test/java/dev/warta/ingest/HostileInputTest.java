package dev.warta.ingest;

import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files an attacker (or an accident) can put into the input folder: links that lead out of it, links that loop,
 * named pipes. Each is listed, rejected with its reason, and never opened.
 */
class HostileInputTest {

    @TempDir
    Path work;

    private Path input;
    private Path secret;
    private ArticleReader reader;

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(work.resolve("input"));
        secret = Files.writeString(work.resolve("passwd"), "root:x:0:0:RAHASIA:/root:/bin/bash\nIsi rahasia.\n");
        reader = new ArticleReader().confinedTo(input);
    }

    @Test
    void aLinkToAFileOutsideTheInputFolderIsRejectedAndNotRead() throws Exception {
        Path link = Files.createSymbolicLink(input.resolve("berita.txt"), secret);

        Rejected rejected = onlyRejected(reader.read(link));

        assertThat(rejected.reason())
                .isEqualTo("symbolic link to a file outside the input folder (-> " + secret + "): not read");
        assertThat(rejected.title()).isNull();
    }

    @Test
    void aPathThatClimbsOutOfTheInputFolderIsRejected() throws Exception {
        Path climbing = input.resolve("..").resolve("passwd");

        assertThat(onlyRejected(reader.read(climbing)).reason()).isEqualTo("outside the input folder: not read");
    }

    @Test
    void aLinkInsideTheInputFolderIsRead() throws Exception {
        Path real = Files.writeString(input.resolve("asli.txt"),
                "Banjir di Bandung\n\nAir naik sejak pagi. Warga mengungsi ke balai desa. Bantuan mulai datang.\n");
        Path link = Files.createSymbolicLink(input.resolve("tautan.txt"), real);

        assertThat(reader.read(link)).singleElement().isNotInstanceOf(Rejected.class);
    }

    @Test
    void aLoopOfLinksAndADanglingLinkAreListedAndRejected() throws Exception {
        Files.createSymbolicLink(input.resolve("a.txt"), input.resolve("b.txt"));
        Files.createSymbolicLink(input.resolve("b.txt"), input.resolve("a.txt"));
        Files.createSymbolicLink(input.resolve("hilang.txt"), input.resolve("tidak-ada.txt"));

        List<Path> listed = InputFiles.list(input);

        assertThat(listed).extracting(path -> path.getFileName().toString())
                .containsExactly("a.txt", "b.txt", "hilang.txt");
        assertThat(onlyRejected(reader.read(listed.get(0))).reason())
                .startsWith("symbolic link that cannot be resolved (").endsWith("): not read");
        assertThat(onlyRejected(reader.read(listed.get(2))).reason())
                .isEqualTo("symbolic link to a missing file (-> " + input.resolve("tidak-ada.txt") + "): not read");
    }

    @Test
    void aNamedPipeIsListedAndRejectedWithoutBeingOpened() throws Exception {
        Path fifo = input.resolve("pipa.txt");
        assumeTrue(mkfifo(fifo), "mkfifo is available");

        assertThat(InputFiles.list(input)).containsExactly(fifo);
        // opening a FIFO with no writer blocks for ever: this returning at all shows it was not opened
        assertThat(onlyRejected(reader.read(fifo)).reason())
                .isEqualTo("a named pipe (FIFO): not a regular file, not read");
        Path link = Files.createSymbolicLink(input.resolve("ke-pipa.txt"), fifo);
        assertThat(onlyRejected(reader.read(link)).reason())
                .isEqualTo("symbolic link to a named pipe (FIFO): not a regular file, not read");
    }

    @Test
    void aLinkToADeviceIsRejected() throws Exception {
        Path device = Path.of("/dev/zero");
        assumeTrue(Files.exists(device), "/dev/zero exists");
        Path link = Files.createSymbolicLink(input.resolve("nol.txt"), device);

        // /dev/zero is outside the input folder: refused before its kind even matters
        assertThat(onlyRejected(reader.read(link)).reason())
                .isEqualTo("symbolic link to a file outside the input folder (-> /dev/zero): not read");
        // named directly, as `inspect` may be given it, it is still never read
        assertThat(onlyRejected(new ArticleReader().read(device)).reason())
                .isEqualTo("a character device: not a regular file, not read");
    }

    private static boolean mkfifo(Path path) throws Exception {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException noMkfifo) {
            return false;
        }
    }

    private static Rejected onlyRejected(List<Ingested> items) {
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).isInstanceOf(Rejected.class);
        return (Rejected) items.get(0);
    }
}
