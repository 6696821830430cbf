package dev.warta.digest;

import dev.warta.article.Article;
import dev.warta.article.ArticleMetadata;
import dev.warta.article.ArticleStatus;
import dev.warta.article.NamedEntity;
import dev.warta.article.Translation;
import dev.warta.article.Usage;
import dev.warta.store.StoredArticle;

import java.util.List;

/** Stored articles for digest tests, written for these tests (no real news text). */
final class DigestFixtures {

    static final String RUN_DATE = "2026-11-26";

    /** Payloads that would each leave a mark if the browser ever ran them. */
    static final String HOSTILE_TITLE = "<script>window.pwned=1;document.title='PWNED'</script>Harbour fees rise";
    static final String HOSTILE_IMG = "<img src=x onerror=\"document.title='PWNED-IMG';window.pwned=2\">";
    static final String HOSTILE_URL = "javascript:document.title='PWNED-LINK'";

    private DigestFixtures() {
    }

    /** Builder-like starting point: a translated Indonesian article with sensible defaults. */
    static Spec article(String id) {
        return new Spec(id);
    }

    static StoredArticle rejected(String id, ArticleStatus status, String title, String reason) {
        return new StoredArticle(id, status, reason, RUN_DATE, "input/" + id + ".html", null, title, null, null,
                RUN_DATE + "T01:00:00Z");
    }

    /** An article whose every text field carries a script or markup payload. */
    static StoredArticle hostile() {
        return article("hostile-1")
                .englishTitle(HOSTILE_TITLE)
                .originalTitle("<b onmouseover=alert(1)>Tarif pelabuhan naik</b>")
                .url(HOSTILE_URL)
                .source("<a href=\"javascript:alert(1)\">Fake Wire</a>")
                .dateline("Jakarta\"><script>window.pwned=3</script>")
                .summary("Fees went up. " + HOSTILE_IMG)
                .keyPoints("<svg onload=\"window.pwned=4\"></svg>point one", "[click me](javascript:alert(1))")
                .entities(new NamedEntity("<i>Budi</i>", "<script>window.pwned=5</script>Budi", "PERSON"))
                .tags("<style>body{display:none}</style>Economy")
                .reviewReasons("numbers differ: <iframe src=\"javascript:alert(1)\"></iframe>")
                .paragraphs("The port authority raised fees.", "</details></article><script>window.pwned=6</script>")
                .status(ArticleStatus.NEEDS_REVIEW)
                .build();
    }

    static final class Spec {
        private final String id;
        private ArticleStatus status = ArticleStatus.TRANSLATED;
        private String englishTitle;
        private String originalTitle;
        private String url;
        private String source = "Warta Test Wire";
        private String dateline = "Jakarta";
        private String publishedAt = "2026-11-26T09:30:00+07:00";
        private String summary = "A short summary written for this test.";
        private List<String> keyPoints = List.of("First point of the test article.");
        private List<NamedEntity> entities = List.of();
        private List<String> tags = List.of("Politics");
        private List<String> paragraphs = List.of("First English paragraph.", "Second English paragraph.");
        private String sourceLanguage = "id";
        private String engine = "openai";
        private String quality = "full";
        private double qualityScore = 0.92;
        private List<String> reviewReasons = List.of();

        private Spec(String id) {
            this.id = id;
            this.englishTitle = "Headline of " + id;
            this.originalTitle = "Judul " + id;
            this.url = "https://news.example/" + id;
        }

        Spec status(ArticleStatus value) { status = value; return this; }
        Spec englishTitle(String value) { englishTitle = value; return this; }
        Spec originalTitle(String value) { originalTitle = value; return this; }
        Spec url(String value) { url = value; return this; }
        Spec source(String value) { source = value; return this; }
        Spec dateline(String value) { dateline = value; return this; }
        Spec publishedAt(String value) { publishedAt = value; return this; }
        Spec summary(String value) { summary = value; return this; }
        Spec keyPoints(String... values) { keyPoints = List.of(values); return this; }
        Spec entities(NamedEntity... values) { entities = List.of(values); return this; }
        Spec tags(String... values) { tags = List.of(values); return this; }
        Spec paragraphs(String... values) { paragraphs = List.of(values); return this; }
        Spec sourceLanguage(String value) { sourceLanguage = value; return this; }
        Spec offlineGist() { engine = "offline"; quality = "gist"; return this; }
        Spec qualityScore(double value) { qualityScore = value; return this; }
        Spec reviewReasons(String... values) { reviewReasons = List.of(values); return this; }

        StoredArticle build() {
            Article article = new Article(id, "input/" + id + ".html", null, originalTitle,
                    List.of("Paragraf pertama.", "Paragraf kedua."),
                    new ArticleMetadata(source, url, publishedAt, dateline, null, null, null),
                    sourceLanguage, 0.99, "hash-" + id);
            Translation translation = new Translation(englishTitle, paragraphs, summary, keyPoints, entities, tags,
                    sourceLanguage, "en", engine, engine.equals("offline") ? "offline-0.1" : "gpt-4o-mini", quality,
                    qualityScore, reviewReasons, new Usage(1, 100, 50));
            return new StoredArticle(id, status, null, RUN_DATE, article.sourcePath(), null, originalTitle, article,
                    translation, RUN_DATE + "T01:00:00Z");
        }
    }
}
