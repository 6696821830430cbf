package dev.warta.web;

import dev.warta.article.ArticleStatus;
import dev.warta.digest.Digest;
import dev.warta.store.ArticleRepository;
import dev.warta.store.StoredArticle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;

/** The reading pages: a day, an article, the search, and the login form. */
@Controller
@ConditionalOnWebApplication
class NewsroomController {

    /** Inputs a day page shows at most, like the digest export. */
    static final int DAY_LIMIT = 1_000;
    private static final java.time.format.DateTimeFormatter LONG_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", java.util.Locale.ENGLISH);

    private final ArticleRepository articles;
    private final NewsroomQueries queries;
    private final WebProperties properties;

    NewsroomController(ArticleRepository articles, NewsroomQueries queries, WebProperties properties) {
        this.articles = articles;
        this.queries = queries;
        this.properties = properties;
    }

    @GetMapping("/")
    String today(Model model) {
        List<LocalDate> days = queries.days(1);
        return day(days.isEmpty() ? LocalDate.now() : days.get(0), model);
    }

    @GetMapping("/day/{date}")
    String day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        ArticleRepository.RunCounts counts = articles.countRunDate(date);
        Digest digest = Digest.of(date, articles.findForDigest(date, DAY_LIMIT), new Digest.RunCounts(
                counts.of(ArticleStatus.TRANSLATED) + counts.of(ArticleStatus.REVIEWED),
                counts.of(ArticleStatus.NEEDS_REVIEW), counts.of(ArticleStatus.FAILED),
                counts.of(ArticleStatus.NOT_ARTICLE), counts.of(ArticleStatus.PENDING), counts.total()));
        model.addAttribute("digest", digest);
        model.addAttribute("longDate", LONG_DATE.format(date));
        model.addAttribute("digestView", WebMvcSettings.digestView());
        model.addAttribute("reviewed", counts.of(ArticleStatus.REVIEWED));
        model.addAttribute("days", queries.days(30));
        return "day";
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable String id, Model model) {
        StoredArticle stored = articles.find(id).orElseThrow(() -> new NotFound("No article with id " + id + "."));
        model.addAttribute("view", ArticleView.of(stored));
        model.addAttribute("edits", queries.reviewEdits(id));
        model.addAttribute("times", queries.rowTimes(id).orElse(null));
        return "article";
    }

    @GetMapping("/search")
    String search(@ModelAttribute("form") SearchForm form, Model model) {
        int size = properties.pageSize();
        boolean asked = form.q() != null || form.since() != null || form.until() != null || form.source() != null
                || form.tag() != null || form.entity() != null || form.status() != null || form.engine() != null;
        if (asked) {
            List<StoredArticle> found = articles.search(form.query(size));
            List<String> words = form.words();
            model.addAttribute("hits", found.stream().limit(size).map(a -> SearchHit.of(a, words)).toList());
            model.addAttribute("hasNext", found.size() > size);
        }
        model.addAttribute("asked", asked);
        model.addAttribute("pageSize", size);
        model.addAttribute("statuses", ArticleStatus.values());
        return "search";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("hasUsers", !properties.users().isEmpty());
        return "login";
    }
}
