package dev.warta.store;

import dev.warta.article.ArticleMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The database keeps each article as a JSON document: a derived title must stay marked after a restart. */
class ArticleMetadataJsonTest {

    @Test
    void derivedTitleMarkSurvivesTheStoredDocument() {
        ArticleMetadata written = new ArticleMetadata("Kompas", null, null, null, null, null, null,
                ArticleMetadata.FULL, "UTF-8", ArticleMetadata.TITLE_FROM_HEADING);

        ArticleMetadata read = Json.read(Json.write(written), ArticleMetadata.class);

        assertThat(read).isEqualTo(written);
        assertThat(read.titleDerived()).isTrue();
    }

    @Test
    void documentStoredBeforeTheMarkExistedReadsAsTheOutletsOwnTitle() {
        ArticleMetadata read = Json.read("{\"source\":\"Kompas\",\"form\":\"article\",\"encoding\":\"UTF-8\"}",
                ArticleMetadata.class);

        assertThat(read.source()).isEqualTo("Kompas");
        assertThat(read.titleDerived()).isFalse();
    }
}
