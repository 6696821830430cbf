package dev.warta.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.WartaHarness;
import dev.warta.testing.WartaHarness.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh machine with no API key: the job still does everything, and says honestly that it made gists. */
class OfflineRunTest {

    private static final String DAY = "2025-11-18";

    @TempDir
    Path work;

    private OpenAiStub stub;
    private WartaHarness warta;

    @BeforeEach
    void setUp() throws Exception {
        stub = OpenAiStub.start();
        warta = new WartaHarness(work, stub.baseUrl());
        warta.addFixture("/job/input/01-gempa-malang.txt", "01-gempa-malang.txt");
        warta.addFixture("/job/input/02-harga-beras.html", "02-harga-beras.html");
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void withNoEndpointTheOfflineEngineIsChosenAndItsOutputIsLabelledAGist() throws Exception {
        Run run = warta.run(DAY, "--warta.engine=auto", "--warta.llm.base-url=", "--warta.llm.api-key=");

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(stub.requests()).isEmpty();
        assertThat(run.stdout()).contains("engine offline");
        List<Map<String, Object>> rows = warta.rows("SELECT * FROM warta_article");
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("STATUS")).isEqualTo("translated");
            assertThat(row.get("ENGINE")).isEqualTo("offline");
            assertThat(row.get("QUALITY")).isEqualTo("gist");
            assertThat((String) row.get("ENGLISH_TEXT")).isNotBlank();
            assertThat((String) row.get("SUMMARY")).isNotBlank();
        });
        JsonNode file = new ObjectMapper().readTree(
                warta.output().resolve(DAY).resolve(rows.get(0).get("ID") + ".json").toFile());
        assertThat(file.path("translation").path("engine").asText()).isEqualTo("offline");
        assertThat(file.path("translation").path("quality").asText()).isEqualTo("gist");
        assertThat(Files.readString(warta.output().resolve(DAY).resolve("digest.html"))).containsIgnoringCase("gist");
    }

    @Test
    void aLaterRunWithAModelEndpointUpgradesTheGists() throws Exception {
        warta.run(DAY, "--warta.engine=offline");

        Run upgraded = warta.run("2025-11-19");

        assertThat(upgraded.exitCode()).isZero();
        assertThat(stub.requests()).hasSize(2);
        assertThat(warta.rows("SELECT * FROM warta_article WHERE engine = 'openai' AND quality = 'full'")).hasSize(2);
    }

    @Test
    void withTheFallbackOnArticlesTheModelCouldNotDoGetAGist() throws Exception {
        stub.respondWith(request -> OpenAiStub.StubResponse.error(500, "broken"));

        Run run = warta.run(DAY, "--warta.offline-fallback=true");

        assertThat(run.exitCode()).isZero();
        assertThat(warta.rows("SELECT * FROM warta_article WHERE engine = 'offline' AND status = 'translated'"))
                .hasSize(2);
    }
}
