package dev.warta.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranslateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... args) {
        return TranslateCommand.run(List.of(args), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outputLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void writesOneLinePerInputLineInOrderIncludingBlankLines() {
        int exit = run("Rumah itu besar.\n\nHarga naik 3,5 persen.\nanak-anak bermain\n", "--engine", "offline");

        assertThat(exit).isZero();
        assertThat(outputLines()).hasSize(4);
        assertThat(outputLines().get(0)).containsIgnoringCase("house");
        assertThat(outputLines().get(1)).isEmpty();
        assertThat(outputLines().get(2)).contains("3.5 percent");
        assertThat(outputLines().get(3)).containsIgnoringCase("children");
    }

    @Test
    void lastLineWithoutNewlineIsStillTranslatedAndNonAsciiSurvives() {
        int exit = run("Kata Pak Ĳsbrand di Bekasi", "--engine", "offline");

        assertThat(exit).isZero();
        assertThat(outputLines()).containsExactly("Said Pak Ĳsbrand in Bekasi");
    }

    @Test
    void otherEnginesAreRefusedWithExitTwo() {
        int exit = run("Halo", "--engine", "openai");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("openai").contains("--engine offline");
        assertThat(out.size()).isZero();
    }

    @Test
    void glossaryOptionAppliesTheOperatorsTerms() throws IOException {
        Path glossary = dir.resolve("g.tsv");
        Files.writeString(glossary, "Sekjen\tSecretary-General\n", StandardCharsets.UTF_8);

        int exit = run("Sekjen PBB tiba di Jakarta", "--engine", "offline", "--glossary", glossary.toString());

        assertThat(exit).isZero();
        assertThat(outputLines().get(0)).startsWith("Secretary-General");
    }

    @Test
    void malformedGlossaryIsReportedWithItsLineAndExitTwo() throws IOException {
        Path glossary = dir.resolve("bad.tsv");
        Files.writeString(glossary, "Sekjen Secretary-General\n", StandardCharsets.UTF_8);

        int exit = run("Halo", "--glossary", glossary.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.tsv").contains("line 1");
    }

    @Test
    void missingGlossaryFileAndUnknownArgumentsAreErrors() {
        assertThat(run("x", "--glossary", dir.resolve("none.tsv").toString())).isEqualTo(2);
        assertThat(run("x", "--frobnicate")).isEqualTo(2);
        assertThat(run("x", "--engine")).isEqualTo(2);
    }
}
