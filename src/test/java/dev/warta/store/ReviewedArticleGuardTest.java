package dev.warta.store;

import dev.warta.article.ArticleStatus;
import dev.warta.article.Translation;
import dev.warta.testing.OpenAiStub;
import dev.warta.testing.TestDatabase;
import dev.warta.testing.WartaHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race the job's writer must lose: an editor approves an article while a run is translating it, and the run's
 * outcome (made from the model's version) reaches {@link ArticleRepository#save} after the approval. The editor's
 * version stays; the row only records that the run met the article. On H2 and on PostgreSQL.
 */
class ReviewedArticleGuardTest {

    @TempDir
    Path work;
    private final OpenAiStub stub = OpenAiStub.start();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void aRunsOutcomeDoesNotReplaceAnApprovalOnH2() throws Exception {
        raceOn(new WartaHarness(work, stub.baseUrl()));
    }

    @Test
    void aRunsOutcomeDoesNotReplaceAnApprovalOnPostgres() throws Exception {
        raceOn(new WartaHarness(work, stub.baseUrl(), TestDatabase.postgres()));
    }

    private void raceOn(WartaHarness warta) throws Exception {
        warta.addFixture("/job/input/02-harga-beras.html", "02-harga-beras.html");
        assertThat(warta.run("2026-11-26").exitCode()).isEqualTo(0);
        TestDatabase database = warta.database();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(),
                database.password()));
        ArticleRepository articles = new ArticleRepository(jdbc, SqlDialect.of(jdbc),
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));
        String id = jdbc.queryForObject("SELECT id FROM warta_article", String.class);
        StoredArticle modelVersion = articles.find(id).orElseThrow();
        Translation model = modelVersion.translation();
        Translation corrected = new Translation("Rice prices rise 3.5 percent before the year's end",
                model.paragraphs(), model.summary(), model.keyPoints(), model.entities(), model.tags(),
                model.sourceLanguage(), model.targetLanguage(), model.engine(), model.model(), model.quality(),
                model.qualityScore(), List.of(), model.usage());
        String now = Instant.now().toString();
        articles.saveByEditor(new StoredArticle(id, ArticleStatus.REVIEWED, null, modelVersion.runDate(),
                modelVersion.sourcePath(), modelVersion.location(), modelVersion.title(), modelVersion.article(),
                corrected, now, new StoredArticle.EditorReview("sari", now, List.of("title"), List.of())));

        articles.save(new ArticleOutcome(modelVersion, false, true), 42);

        StoredArticle kept = articles.find(id).orElseThrow();
        assertThat(kept.status()).isEqualTo(ArticleStatus.REVIEWED);
        assertThat(kept.translation().title()).isEqualTo(corrected.title());
        assertThat(kept.review().editor()).isEqualTo("sari");
        assertThat(jdbc.queryForObject("SELECT run_id FROM warta_article WHERE id = ?", Long.class, id))
                .isEqualTo(42L);
        assertThat(jdbc.queryForObject("SELECT english_title FROM warta_article WHERE id = ?", String.class, id))
                .isEqualTo(corrected.title());
        assertThat(articles.countRun(42).of(ArticleStatus.REVIEWED)).isEqualTo(1);
    }
}
