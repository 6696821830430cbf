package dev.warta.llm;

import dev.warta.article.Article;
import dev.warta.llm.batch.CapturedRequest;
import dev.warta.llm.batch.RequestCapture;

import java.util.Optional;

/**
 * The first request the model engine sends for an article, made by the engine itself on a client that sends
 * nothing ({@link RequestCapture}): for a short article its one translation call, for a long one the call for its
 * first chunk (the later chunks carry what the earlier ones answered, so they cannot be known in advance), for an
 * article already in the target language its summary call. A batch of these is answered at the batch price, and
 * the synchronous engine then finds each answer kept under its request.
 */
public final class FirstRequests {

    private final ModelTranslationEngine engine;

    FirstRequests(ModelTranslationEngine engine) {
        this.engine = engine;
    }

    /** The article's first request; empty when translating it needs none. */
    public Optional<CapturedRequest> of(Article article) {
        try {
            engine.translate(article);
            return Optional.empty();
        } catch (RuntimeException e) {
            RequestCapture.Captured captured = RequestCapture.Captured.findIn(e);
            if (captured == null) {
                throw e;
            }
            return Optional.of(captured.request());
        }
    }
}
