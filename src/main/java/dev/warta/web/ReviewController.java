package dev.warta.web;

import dev.warta.store.ArticleRepository;
import dev.warta.store.StoredArticle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * The editors' pages ({@code /review/**}, role {@code EDITOR} only, see {@link WebSecurityConfiguration}): the queue
 * of flagged articles and offline gists, oldest first, and the form that corrects and approves one.
 */
@Controller
@ConditionalOnWebApplication
class ReviewController {

    static final int QUEUE_LIMIT = 200;

    private final ArticleRepository articles;
    private final NewsroomQueries queries;
    private final ReviewService reviews;

    ReviewController(ArticleRepository articles, NewsroomQueries queries, ReviewService reviews) {
        this.articles = articles;
        this.queries = queries;
        this.reviews = reviews;
    }

    @GetMapping("/review")
    String queue(Model model) {
        model.addAttribute("queue", queries.reviewQueue(QUEUE_LIMIT).stream().map(ArticleView::of).toList());
        model.addAttribute("queueSize", queries.reviewQueueSize());
        return "review-queue";
    }

    @GetMapping("/review/{id}")
    String form(@PathVariable String id, Model model) {
        StoredArticle stored = articles.find(id).orElseThrow(() -> new NotFound("No article with id " + id + "."));
        if (stored.translation() == null) {
            throw new NotFound("Article " + id + " has no translation to review (status " + stored.status().code()
                    + ").");
        }
        model.addAttribute("view", ArticleView.of(stored));
        return "review";
    }

    @PostMapping("/review/{id}")
    String approve(@PathVariable String id, @RequestParam String title,
                   @RequestParam(name = "paragraph", required = false) List<String> paragraphs,
                   @RequestParam String summary, @RequestParam(required = false) String keyPoints,
                   @RequestParam String updatedAt, Authentication editor, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        try {
            reviews.approve(id, editor.getName(), new ReviewService.Correction(title,
                    paragraphs == null ? List.of() : paragraphs, summary, keyPoints, updatedAt));
        } catch (ReviewService.Invalid | ReviewService.ChangedMeanwhile refused) {
            response.setStatus(refused instanceof ReviewService.Invalid ? HttpStatus.UNPROCESSABLE_ENTITY.value()
                    : HttpStatus.CONFLICT.value());
            model.addAttribute("problem", refused.getMessage());
            return form(id, model);
        }
        redirect.addFlashAttribute("notice", "Approved: the article is now marked reviewed, and its file was "
                + "exported again.");
        return "redirect:/articles/" + id;
    }

    @PostMapping("/review/{id}/send-back")
    String sendBack(@PathVariable String id, @RequestParam(required = false) String note,
                    @RequestParam String updatedAt, Authentication editor, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        StoredArticle translated;
        try {
            translated = reviews.sendBack(id, editor.getName(), note, updatedAt);
        } catch (ReviewService.Invalid | ReviewService.ChangedMeanwhile refused) {
            response.setStatus(refused instanceof ReviewService.Invalid ? HttpStatus.UNPROCESSABLE_ENTITY.value()
                    : HttpStatus.CONFLICT.value());
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("note", note);
            return form(id, model);
        }
        redirect.addFlashAttribute("notice", "Translated again with your note: the article is now "
                + translated.status().code().replace('_', ' ') + (translated.translation().needsReview()
                ? " (the checks still flag it; it stays in the review queue)." : "."));
        return "redirect:/articles/" + id;
    }
}
