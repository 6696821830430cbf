package dev.warta.store;

/**
 * What the job decided for one input item, as handed from the processor to the writer.
 *
 * @param stored    the outcome to store and write out
 * @param cached    the translation was reused from an earlier run: no model call was made
 * @param attempted the engine was called for it in this run (counts towards the attempt limit when it failed)
 * @param toCache   the translation the engine made for it in this run, kept for later runs with the article's row;
 *                  null when there is none to keep (reused, a twin's, offline gist, no translation)
 */
public record ArticleOutcome(StoredArticle stored, boolean cached, boolean attempted, TranslationCache.Entry toCache) {

    public ArticleOutcome(StoredArticle stored, boolean cached, boolean attempted) {
        this(stored, cached, attempted, null);
    }
}
