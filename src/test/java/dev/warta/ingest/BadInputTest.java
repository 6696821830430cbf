package dev.warta.ingest;

import dev.warta.article.Ingested;
import dev.warta.article.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input never throws: it becomes one rejected item whose reason says what is wrong and where. */
class BadInputTest {

    @TempDir
    Path folder;

    private final ArticleReader reader = new ArticleReader();

    @Test
    void emptyFile() throws Exception {
        assertThat(onlyRejected(write("kosong.txt", new byte[0])).reason()).isEqualTo("empty file (0 bytes)");
    }

    @Test
    void fileOfOnlyWhitespace() throws Exception {
        assertThat(onlyRejected(write("spasi.txt", " \r\n\t\n".getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo("empty file (only whitespace)");
    }

    @Test
    void binaryFileNamedAsHtml() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        assertThat(onlyRejected(write("foto.html", png)).reason()).isEqualTo("binary file: PNG image");
    }

    @Test
    void binaryFileWithNulBytes() throws Exception {
        byte[] bytes = "Judul\nIsi berita\0\0".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(onlyRejected(write("rusak.txt", bytes)).reason()).isEqualTo("binary file: NUL byte at byte 16");
    }

    @Test
    void fileOverTheConfiguredSizeLimit() throws Exception {
        Path file = write("besar.txt", "Judul\nIsi yang panjang sekali.\n".repeat(10).getBytes(StandardCharsets.UTF_8));
        ArticleReader strict = new ArticleReader(IngestOptions.defaults().withMaxFileBytes(100));

        Rejected rejected = onlyRejected(strict.read(file));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.INVALID);
        assertThat(rejected.reason()).isEqualTo("file is 310 bytes, over the limit of 100 bytes");
    }

    @Test
    void invalidUtf8NamesTheByteAndLine() throws Exception {
        byte[] head = "Judul Berita\nKalimat pertama.\nKata ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // "é" in Latin-1, not UTF-8
        bytes[head.length + 1] = 't';
        bytes[head.length + 2] = '\n';

        Rejected rejected = onlyRejected(write("latin1.txt", bytes));

        assertThat(rejected.reason()).isEqualTo("invalid UTF-8 at byte " + head.length + " (line 3)");
    }

    @Test
    void htmlHonestlyDeclaredLatin1IsReadInThatCharset() throws Exception {
        String page = "<html><head><meta charset=\"iso-8859-1\"><title>Kafe di Bandung</title></head><body>"
                + "<h1>Kafe di Bandung</h1><div class=\"content\"><p>Jakarta - Kafe baru itu menyajikan crème brûlée "
                + "buatan sendiri setiap hari.</p><p>Pemiliknya belajar memasak di Lyon selama dua tahun.</p>"
                + "<p>Kafe buka dari pagi hingga malam, kecuali hari Senin.</p></div></body></html>";

        List<Ingested> items = reader.read(write("kafe.html", page.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(items.get(0)).isInstanceOf(dev.warta.article.Article.class);
        assertThat(((dev.warta.article.Article) items.get(0)).body()).contains("crème brûlée");
    }

    @Test
    void truncatedJsonArrayKeepsTheEntriesBeforeTheCut() throws Exception {
        String json = "[{\"title\": \"Satu\", \"body\": \"Kalimat satu ada di sini. Kalimat dua ada di sini. "
                + "Kalimat tiga ada di sini.\"},\n{\"title\": \"Dua\", \"bo";

        List<Ingested> items = reader.read(write("potong.json", json.getBytes(StandardCharsets.UTF_8)));

        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isInstanceOf(dev.warta.article.Article.class);
        assertThat(((Rejected) items.get(1)).reason()).startsWith("not valid JSON after entry 1");
        assertThat(items.get(1).location()).isEqualTo("entry 2");
    }

    @Test
    void unsupportedExtension() throws Exception {
        assertThat(onlyRejected(write("berita.docx.bak", "Judul\nIsi".getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo("unsupported file type '.bak' (Warta reads .txt, .html, .htm, .json and .jsonl)");
    }

    @Test
    void missingFile() {
        Rejected rejected = onlyRejected(reader.read(folder.resolve("tidak-ada.txt")));

        assertThat(rejected.reason()).isEqualTo("file does not exist");
        assertThat(rejected.id()).matches("[a-z0-9-]{1,64}");
    }

    @Test
    void textWithTitleOnlyIsNotAnArticle() throws Exception {
        Rejected rejected = onlyRejected(write("judul.txt", "Hanya Judul\n\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.NOT_ARTICLE);
        assertThat(rejected.reason()).isEqualTo("no body after the title line");
        assertThat(rejected.title()).isEqualTo("Hanya Judul");
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Rejected onlyRejected(Path file) {
        return onlyRejected(reader.read(file));
    }

    private static Rejected onlyRejected(List<Ingested> items) {
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).as("%s", items.get(0)).isInstanceOf(Rejected.class);
        return (Rejected) items.get(0);
    }
}
