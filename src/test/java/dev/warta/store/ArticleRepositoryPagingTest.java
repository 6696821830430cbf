package dev.warta.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export reads a night's articles a page at a time, and each page must be a range scan of an index in the
 * order the pages need. If H2 has to sort instead, every page reads and holds every remaining row of the night,
 * documents and all: a 20,000-article export then spent minutes and 250 MB of heap on its first pages
 * (docs/benchmarks.md, "A big night's export"). On a real H2 file with Warta's migrations.
 */
class ArticleRepositoryPagingTest {

    private static final LocalDate NIGHT = LocalDate.of(2030, 1, 1);
    private static final LocalDate NEXT_NIGHT = NIGHT.plusDays(1);

    @TempDir
    Path work;

    @Test
    void eachPageOfAnExportIsReadInTheIndexOrderWithoutSortingTheNight() {
        JdbcTemplate jdbc = migratedH2();
        // two nights of 450 articles, interleaved by id, so that a page of one run must skip the other's rows
        for (int i = 0; i < 900; i++) {
            boolean first = i % 2 == 0;
            jdbc.update("INSERT INTO warta_article (id, source_path, status, run_id, run_date, document, "
                            + "created_at, updated_at) VALUES (?, ?, 'translated', ?, ?, ?, CURRENT_TIMESTAMP, "
                            + "CURRENT_TIMESTAMP)", String.format("a%04d", i), "in/" + i + ".txt", first ? 1L : 2L,
                    Date.valueOf(first ? NIGHT : NEXT_NIGHT), "{\"id\":\"a" + i + "\"}");
        }
        jdbc.execute("ANALYZE");

        for (String column : List.of("run_id", "run_date")) {
            String plan = jdbc.queryForObject("EXPLAIN " + ArticleRepository.pageQuery("document", column),
                    String.class, column.equals("run_id") ? (Object) 1L : Date.valueOf(NIGHT), "a0100");
            assertThat(plan).as("the plan of a page by %s", column).contains("/* index sorted */");
        }

        ArticleRepository articles = new ArticleRepository(jdbc, SqlDialect.of(jdbc),
                new DataSourceTransactionManager(jdbc.getDataSource()));
        List<String> listed = new ArrayList<>();
        articles.forEachListedInRun(1L, item -> listed.add(item.id()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 900; i += 2) {
            expected.add(String.format("a%04d", i));
        }
        assertThat(listed).as("run 1 over three pages of 200").isEqualTo(expected);
    }

    private JdbcTemplate migratedH2() {
        String url = H2FileSettings.complete("jdbc:h2:file:" + work.resolve("warta"));
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    }
}
