package dev.warta.ingest;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extraction target of issue 3 over the fixtures: mean body token F1 of at least 0.95 and every title exact.
 * Prints the per-page table, which is the figure docs/ingestion.md reports.
 */
class ExtractionScoreTest {

    @Test
    void bodyTokenF1AndTitlesMeetTheTargetOnEveryFixturePage() throws URISyntaxException {
        Path pages = Path.of(Objects.requireNonNull(getClass().getResource("/ingest/pages")).toURI());

        List<ExtractionScore.PageScore> scores = ExtractionScore.scoreFolder(pages, new ArticleReader());
        ExtractionScore.print(scores, System.out);

        assertThat(scores).hasSizeGreaterThanOrEqualTo(9);
        assertThat(scores).allSatisfy(score -> assertThat(score.titleExact()).as(score.name() + " " + score.note())
                .isTrue());
        assertThat(scores.stream().mapToDouble(ExtractionScore.PageScore::f1).average().orElse(0))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(scores).allSatisfy(score -> assertThat(score.f1()).as(score.name()).isGreaterThanOrEqualTo(0.9));
    }

    @Test
    void tokenF1CountsMissingAndExtraWords() {
        double[] perfect = ExtractionScore.tokenF1("Satu dua tiga.", "satu, dua, tiga");
        double[] halfMissing = ExtractionScore.tokenF1("satu dua tiga empat", "satu dua");

        assertThat(perfect[2]).isEqualTo(1.0);
        assertThat(halfMissing[0]).isEqualTo(1.0);
        assertThat(halfMissing[1]).isEqualTo(0.5);
    }
}
