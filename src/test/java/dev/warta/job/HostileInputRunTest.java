package dev.warta.job;

import dev.warta.testing.OpenAiStub;
import dev.warta.testing.WartaHarness;
import dev.warta.testing.WartaHarness.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A link in the input folder that leads to a private file: rejected with its reason, its contents nowhere. */
class HostileInputRunTest {

    private static final String DAY = "2025-11-18";
    private static final String SECRET = "RAHASIA-baris-pertama-yang-tidak-boleh-bocor";

    @TempDir
    Path work;

    private final OpenAiStub stub = OpenAiStub.start();

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void aLinkToAFileOutsideTheInputFolderIsRejectedAndItsContentsAppearInNoOutput() throws Exception {
        WartaHarness warta = new WartaHarness(work, stub.baseUrl());
        warta.addArticle("berita.txt", "Banjir di Bandung",
                "Air naik sejak pagi. Warga mengungsi ke balai desa. Bantuan mulai datang sore hari.");
        Path secret = Files.writeString(Files.createDirectories(work.resolve("etc")).resolve("passwd"),
                SECRET + "\n\nroot:x:0:0:root:/root:/bin/bash. Baris kedua berkas rahasia.\n");
        Files.createSymbolicLink(warta.input().resolve("bocor.txt"), secret);

        Run run = warta.run(DAY);

        // the good article is translated; the link is a failed input with its reason, so the run says so
        assertThat(run.exitCode()).isEqualTo(WartaRunner.SOME_NOT_DELIVERED);
        List<Map<String, Object>> rejected = warta.rows(
                "SELECT status, reason, document FROM warta_article WHERE source_path LIKE '%bocor.txt'");
        assertThat(rejected).singleElement().satisfies(row -> {
            assertThat(row.get("STATUS")).isEqualTo("failed");
            assertThat((String) row.get("REASON"))
                    .isEqualTo("symbolic link to a file outside the input folder (-> " + secret + "): not read");
        });
        // nothing of it went to the model, the output folder or the database
        assertThat(stub.requests()).hasSize(1)
                .allSatisfy(request -> assertThat(request.body().toString()).doesNotContain(SECRET));
        try (Stream<Path> files = Files.walk(warta.output())) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).extracting(path -> path.getFileName().toString())
                    .contains("run.json", "digest.html", "digest.md");
            for (Path file : written) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
            }
        }
        assertThat(warta.rows("SELECT * FROM warta_article")).hasSize(2)
                .allSatisfy(row -> assertThat(row.toString()).doesNotContain(SECRET));
        // run.json lists the rejected link with the rest, and its stored summary says nothing of the secret either
        assertThat(Files.readString(warta.output().resolve(DAY).resolve("run.json"))).contains("bocor.txt");
        assertThat(warta.rows("SELECT summary FROM warta_run")).singleElement()
                .satisfies(row -> assertThat((String) row.get("SUMMARY")).doesNotContain(SECRET));
    }
}
