package dev.warta.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page and the API page through their results with the filters kept, on H2 and on a real PostgreSQL
 * (where the words are matched by full-text search): every match is on exactly one page.
 */
class SearchPagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private final OpenAiStub stub = OpenAiStub.start();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void pagesOnH2() throws Exception {
        pages(new WartaHarness(work, stub.baseUrl()));
    }

    @Test
    void pagesOnPostgres() throws Exception {
        pages(new WartaHarness(work, stub.baseUrl(), TestDatabase.postgres()));
    }

    private void pages(WartaHarness warta) throws Exception {
        for (int i = 1; i <= 5; i++) {
            warta.addArticle("0" + i + "-pasar.txt", "Harga cabai naik di pasar kota nomor " + i,
                    "Harga cabai rawit di pasar tradisional kota nomor " + i + " naik menjadi Rp 80.000 per kilogram.",
                    "Pedagang mengatakan pasokan dari petani berkurang karena hujan deras sepanjang pekan.",
                    "Dinas perdagangan berjanji memantau harga setiap hari sampai akhir bulan.");
        }
        warta.addArticle("09-banjir.txt", "Banjir merendam jalan utama kota",
                "Banjir setinggi 50 sentimeter merendam jalan utama kota setelah hujan deras semalaman.",
                "Petugas mengalihkan arus lalu lintas ke jalan alternatif sampai air surut.",
                "Warga diminta tetap waspada karena hujan diperkirakan turun lagi malam ini.");
        assertThat(warta.run("2026-11-26").exitCode()).isEqualTo(0);

        try (NewsroomApp app = NewsroomApp.start(warta, "--warta.web.page-size=2")) {
            NewsroomApp.Session analyst = app.session();
            List<String> seen = new ArrayList<>();
            String next = "/search?q=cabai+pasar&since=2026-11-01&engine=openai";
            int pages = 0;
            while (next != null) {
                Document page = analyst.page(next);
                seen.addAll(page.select("li.hit h3 a").eachAttr("href"));
                assertThat(page.select("li.hit .passage mark.match")).isNotEmpty();
                var link = page.selectFirst("nav.paging a[rel=next]");
                next = link == null ? null : link.attr("href");
                if (next != null) {
                    assertThat(next).contains("q=cabai+pasar", "since=2026-11-01", "engine=openai");
                }
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(5).doesNotHaveDuplicates();

            List<String> fromApi = new ArrayList<>();
            String api = "/api/articles?q=cabai&status=translated";
            while (api != null) {
                JsonNode page = JSON.readTree(analyst.get(api).body());
                page.path("articles").forEach(article -> fromApi.add("/articles/" + article.path("id").asText()));
                api = page.path("next").isNull() ? null : page.path("next").asText();
            }
            assertThat(fromApi).containsExactlyInAnyOrderElementsOf(seen);
            assertThat(analyst.page("/search?q=banjir").select("li.hit")).hasSize(1);
            assertThat(analyst.page("/search?q=cabai&until=2026-01-01").select("li.hit")).isEmpty();
        }
    }
}
