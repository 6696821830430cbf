package dev.warta.ingest;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
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
    void windows1252TextIsReadAndTheEncodingRecorded() throws Exception {
        Path file = HtmlPagesTest.fixture("pages/scrape-windows-1252.txt");

        Article article = (Article) reader.read(file).get(0);

        assertThat(article.title()).isEqualTo("Café di Braga Sajikan Crème Brûlée Khas Bandung");
        assertThat(article.paragraphs().get(2)).startsWith("“Kami ingin rasa Prancis");
        assertThat(article.metadata().encoding()).isEqualTo("windows-1252");
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() throws Exception {
        Article little = (Article) reader.read(HtmlPagesTest.fixture("pages/blog-utf16.html")).get(0);
        String text = "Gempa Kecil Guncang Garut\nGempa bermagnitudo 3,1 mengguncang Garut pada Senin pagi.\n"
                + "Tidak ada laporan kerusakan bangunan.\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFE;
        bytes[1] = (byte) 0xFF;
        System.arraycopy(body, 0, bytes, 2, body.length);

        Article big = (Article) reader.read(write("gempa.txt", bytes)).get(0);

        assertThat(little.title()).isEqualTo("Warga Sleman Panen Kopi Lebih Awal");
        assertThat(little.metadata().encoding()).isEqualTo("UTF-16LE");
        assertThat(big.title()).isEqualTo("Gempa Kecil Guncang Garut");
        assertThat(big.paragraphs()).hasSize(2);
        assertThat(big.metadata().encoding()).isEqualTo("UTF-16BE");
        assertThat(big.metadata().form()).isEqualTo(ArticleMetadata.BRIEF);
    }

    @Test
    void pageDeclaringAnotherCharsetIsReadInIt() throws Exception {
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + "<title>Новости Казани</title></head><body><h1>Новости Казани</h1><div class=\"content\">"
                + "<p>В Казани открыли новый мост через реку Казанку.</p><p>Движение по мосту начнётся в понедельник."
                + "</p><p>Строительство заняло два года.</p></div></body></html>";

        Article article = (Article) reader.read(write("kazan.html", page.getBytes("windows-1251"))).get(0);

        assertThat(article.title()).isEqualTo("Новости Казани");
        assertThat(article.paragraphs().get(0)).isEqualTo("В Казани открыли новый мост через реку Казанку.");
        assertThat(article.metadata().encoding()).isEqualTo("windows-1251");
    }

    @Test
    void bytesThatAreNeitherUtf8NorWindows1252TextStayRejected() throws Exception {
        byte[] bytes = new byte[400];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 0x81 : 0x02); // control characters in Windows-1252 as well
        }

        Rejected rejected = onlyRejected(write("acak.txt", bytes));

        assertThat(rejected.kind()).isEqualTo(Rejected.Kind.INVALID);
        assertThat(rejected.reason()).startsWith("invalid UTF-8 at byte 0 (line 1), and not windows-1252 text "
                + "either");
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
