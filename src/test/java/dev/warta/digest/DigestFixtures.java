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

    /**
     * A day that looks like a real run (for the browser test and its screenshots): several topics, every flag, a
     * hostile article, a failure and a non-article. The stories are invented.
     */
    static List<StoredArticle> showcaseDay() {
        NamedEntity jakarta = new NamedEntity("Jakarta", "Jakarta", "PLACE");
        NamedEntity dpr = new NamedEntity("Dewan Perwakilan Rakyat", "House of Representatives", "ORGANIZATION");
        NamedEntity minister = new NamedEntity("Sri Wahyuni", "Sri Wahyuni", "PERSON");
        NamedEntity bulog = new NamedEntity("Bulog", "Bulog (state logistics agency)", "ORGANIZATION");
        return List.of(
                article("budget-2027")
                        .englishTitle("House passes the 2027 state budget after a late-night session")
                        .originalTitle("DPR sahkan APBN 2027 setelah rapat hingga larut malam")
                        .source("Warta Test Wire").dateline("Jakarta").publishedAt("2026-11-26T06:40:00+07:00")
                        .summary("Lawmakers approved the 2027 state budget shortly before midnight. Spending on "
                                + "schools and rural roads rises, while fuel subsidies are held at this year's level.")
                        .keyPoints("The vote passed with eight of nine factions in favour.",
                                "Education receives a fifth of all spending, as the constitution requires.",
                                "Fuel subsidies stay flat; the finance ministry expects lower oil prices.")
                        .entities(dpr, jakarta, minister)
                        .tags("Politics", "Economy")
                        .paragraphs("Lawmakers approved the 2027 state budget shortly before midnight on Wednesday.",
                                "The session ran four hours longer than planned as factions argued over subsidies.",
                                "The finance minister said the plan keeps the deficit under three percent.")
                        .build(),
                article("rice-imports")
                        .englishTitle("Minister says rice imports will pause until March")
                        .originalTitle("Menteri: impor beras dihentikan sampai Maret")
                        .source("Kabar Contoh").dateline("Surabaya").publishedAt("2026-11-26T09:15:00+07:00")
                        .summary("The trade minister said no new rice import permits will be issued before March, "
                                + "citing full warehouses after a strong harvest.")
                        .keyPoints("No new import permits before March.", "Warehouses hold about 1.2 million tonnes.")
                        .entities(minister, bulog, jakarta)
                        .tags("Economy")
                        .status(ArticleStatus.NEEDS_REVIEW)
                        .reviewReasons("number 1,2 juta ton in the source does not appear in the translation",
                                "a negation in paragraph 2 may be lost")
                        .qualityScore(0.58)
                        .build(),
                article("flood-roads")
                        .englishTitle("Floods close two roads in the north of the city")
                        .originalTitle("Banjir tutup dua ruas jalan di utara kota")
                        .source("Kabar Contoh").dateline("Jakarta").publishedAt("2026-11-26T05:05:00+07:00")
                        .summary("Rain close two road north city. Police divert traffic.")
                        .keyPoints("Two roads closed.", "Traffic diverted.")
                        .entities(jakarta)
                        .tags("Disaster")
                        .offlineGist()
                        .qualityScore(0.45)
                        .build(),
                article("rates-hold")
                        .englishTitle("Central bank keeps its policy rate unchanged")
                        .originalTitle("Central bank keeps its policy rate unchanged")
                        .sourceLanguage("en")
                        .source("Example English Daily").dateline("Jakarta").publishedAt("2026-11-25T21:30:00+07:00")
                        .summary("The central bank left its benchmark rate unchanged for a third month, saying "
                                + "inflation is within target.")
                        .keyPoints("Rate unchanged for the third month running.", "Inflation is within target.")
                        .tags("Economy")
                        .qualityScore(0.97)
                        .build(),
                article("library").englishTitle("New public library opens with late hours for students")
                        .originalTitle("Perpustakaan umum baru buka hingga malam untuk pelajar")
                        .tags().publishedAt(null).source("Kabar Contoh").dateline(null)
                        .summary("A new public library opened near the city square and will stay open until ten "
                                + "at night on school days.")
                        .keyPoints("Open until 22:00 on school days.")
                        .build(),
                hostile(),
                rejected("bad-encoding", ArticleStatus.FAILED, "Harga cabai naik tajam",
                        "model output cut off at the token limit"),
                rejected("index-page", ArticleStatus.NOT_ARTICLE, null, "index page: 48 links and 30 words of text"));
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
        private List<String> notes = List.of();
        private String titleDerivedFrom;

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
        Spec notes(String... values) { notes = List.of(values); return this; }
        Spec titleDerivedFrom(String value) { titleDerivedFrom = value; return this; }

        StoredArticle build() {
            Article article = new Article(id, "input/" + id + ".html", null, originalTitle,
                    List.of("Paragraf pertama.", "Paragraf kedua."),
                    new ArticleMetadata(source, url, publishedAt, dateline, null, null, null, null, null,
                            titleDerivedFrom),
                    sourceLanguage, 0.99, "hash-" + id);
            Translation translation = new Translation(englishTitle, paragraphs, summary, keyPoints, entities, tags,
                    sourceLanguage, "en", engine, engine.equals("offline") ? "offline-0.1" : "gpt-4o-mini", quality,
                    qualityScore, reviewReasons, new Usage(1, 100, 50), notes);
            return new StoredArticle(id, status, null, RUN_DATE, article.sourcePath(), null, originalTitle, article,
                    translation, RUN_DATE + "T01:00:00Z");
        }
    }
}
