package dev.warta.digest;

import dev.warta.article.ArticleStatus;
import dev.warta.article.NamedEntity;
import dev.warta.store.StoredArticle;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.warta.digest.DigestFixtures.article;
import static dev.warta.digest.DigestFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestTest {

    private static final LocalDate DAY = LocalDate.parse(DigestFixtures.RUN_DATE);

    @Test
    void groupsByFirstTagCaseInsensitivelyLargestGroupFirstAndUntaggedLast() {
        List<StoredArticle> articles = List.of(
                article("a").tags("Economy", "Politics").build(),
                article("b").tags().build(),
                article("c").tags("politics").publishedAt("2026-11-26T08:00:00+07:00").build(),
                article("d").tags("Politics", "Health").publishedAt("2026-11-26T11:00:00+07:00").build(),
                article("e").tags("  ").build(),
                article("f").tags("Health").build());

        Digest digest = Digest.of(DAY, articles);

        assertThat(digest.topics()).extracting(Digest.TopicGroup::tag)
                .containsExactly("Politics", "Economy", "Health", "Untagged");
        assertThat(digest.topics().get(0).entries()).extracting(e -> e.stored().id()).containsExactly("d", "c");
        assertThat(digest.topics().get(3).entries()).extracting(e -> e.stored().id()).containsExactly("b", "e");
        assertThat(digest.deliveredCount()).isEqualTo(6);
    }

    @Test
    void ordersNewestFirstWithUnknownTimesLastThenByHeadline() {
        List<StoredArticle> articles = List.of(
                article("old").publishedAt("2026-11-25T23:00:00+07:00").build(),
                article("unknown-b").englishTitle("Beta").publishedAt(null).build(),
                article("new").publishedAt("2026-11-26T02:00:00Z").build(), // 09:00 in Jakarta
                article("unknown-a").englishTitle("alpha").publishedAt("yesterday evening").build(),
                article("middle").publishedAt("2026-11-26T08:59:00+07:00").build());

        Digest digest = Digest.of(DAY, articles);

        assertThat(digest.topics().get(0).entries()).extracting(e -> e.stored().id())
                .containsExactly("new", "middle", "old", "unknown-a", "unknown-b");
    }

    @Test
    void countsEveryStatusAndKeepsUndeliveredInputsForTheEndSection() {
        List<StoredArticle> articles = List.of(
                article("t1").build(),
                article("t2").build(),
                article("r1").status(ArticleStatus.NEEDS_REVIEW).reviewReasons("a number differs").build(),
                rejected("f1", ArticleStatus.FAILED, "Judul gagal", "model output cut off at the token limit"),
                rejected("n1", ArticleStatus.NOT_ARTICLE, null, "index page: 40 links, 12 words"),
                rejected("n2", ArticleStatus.NOT_ARTICLE, null, "gallery"),
                rejected("p1", ArticleStatus.PENDING, null, "budget spent"));

        Digest digest = Digest.of(DAY, articles);

        assertThat(digest.counts()).isEqualTo(new Digest.RunCounts(2, 1, 1, 2, 1, 7));
        assertThat(digest.deliveredCount()).isEqualTo(3);
        assertThat(digest.notDelivered()).extracting(StoredArticle::id).containsExactly("f1", "n1", "n2", "p1");
    }

    @Test
    void aDeliveredStatusWithoutTranslationIsListedAsNotDeliveredInsteadOfBreakingThePage() {
        StoredArticle broken = new StoredArticle("x", ArticleStatus.TRANSLATED, null, DigestFixtures.RUN_DATE,
                "input/x.html", null, "Judul", null, null, null);

        Digest digest = Digest.of(DAY, List.of(broken));

        assertThat(digest.topics()).isEmpty();
        assertThat(digest.notDelivered()).containsExactly(broken);
    }

    @Test
    void topEntitiesCountArticlesNotMentionsAndMergeSpellingsOfOneName() {
        NamedEntity jakarta = new NamedEntity("Jakarta", "Jakarta", "PLACE");
        NamedEntity jakartaLower = new NamedEntity("jakarta", "jakarta", "PLACE");
        NamedEntity budi = new NamedEntity("Budi Santoso", "Budi Santoso", "PERSON");
        NamedEntity kpk = new NamedEntity("Komisi Pemberantasan Korupsi", "Corruption Eradication Commission",
                "ORGANIZATION");
        List<StoredArticle> articles = List.of(
                article("a").entities(jakarta, jakarta, budi).build(),
                article("b").entities(jakartaLower, kpk).build(),
                article("c").entities(kpk, jakarta).build(),
                rejected("f", ArticleStatus.FAILED, null, "timeout"));

        Digest digest = Digest.of(DAY, articles);

        assertThat(digest.topEntities()).containsExactly(
                new Digest.EntityCount("Jakarta", "PLACE", 3),
                new Digest.EntityCount("Corruption Eradication Commission", "ORGANIZATION", 2),
                new Digest.EntityCount("Budi Santoso", "PERSON", 1));
    }

    @Test
    void topEntitiesAreLimited() {
        NamedEntity[] many = new NamedEntity[Digest.TOP_ENTITY_LIMIT + 5];
        for (int i = 0; i < many.length; i++) {
            many[i] = new NamedEntity("Entity " + (char) ('A' + i), null, "PERSON");
        }
        Digest digest = Digest.of(DAY, List.of(article("a").entities(many).build()));

        assertThat(digest.topEntities()).hasSize(Digest.TOP_ENTITY_LIMIT)
                .first().extracting(Digest.EntityCount::name).isEqualTo("Entity A");
    }

    @Test
    void anchorsAreSafeAndUniqueEvenForOddIds() {
        List<StoredArticle> articles = List.of(
                article("a\"><script>").build(),
                article("A'><SCRIPT>").build(),
                article("https://news.example/x").build());

        Digest digest = Digest.of(DAY, articles);

        List<String> anchors = digest.topics().get(0).entries().stream().map(DigestEntry::anchor).toList();
        assertThat(anchors).doesNotHaveDuplicates().allMatch(anchor -> anchor.matches("[a-z0-9_-]+"));
    }

    @Test
    void flagsComeFromStatusEngineAndLanguage() {
        DigestEntry gist = entry(article("g").offlineGist().build());
        DigestEntry english = entry(article("e").sourceLanguage("en").build());
        DigestEntry review = entry(article("r").status(ArticleStatus.NEEDS_REVIEW).build());
        DigestEntry plain = entry(article("p").build());

        assertThat(gist.offlineGist()).isTrue();
        assertThat(english.englishSource()).isTrue();
        assertThat(english.offlineGist()).isFalse();
        assertThat(review.needsReview()).isTrue();
        assertThat(review.reviewReasons()).containsExactly("no reason recorded");
        assertThat(plain.needsReview()).isFalse();
        assertThat(plain.offlineGist()).isFalse();
        assertThat(plain.englishSource()).isFalse();
    }

    @Test
    void rejectsMissingArguments() {
        assertThatThrownBy(() -> Digest.of(null, List.of())).hasMessageContaining("date");
        assertThatThrownBy(() -> Digest.of(DAY, null)).hasMessageContaining("articles");
    }

    private static DigestEntry entry(StoredArticle stored) {
        return Digest.of(DAY, List.of(stored)).topics().get(0).entries().get(0);
    }
}
