package dev.warta.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where an input stands after a run. Stored in lower case ({@code needs_review}) in the database and JSON.
 */
public enum ArticleStatus {
    /** Translated (or, for English sources, summarised) and delivered. */
    TRANSLATED,
    /** Delivered, but a faithfulness check failed: a person should look at the flagged reasons. */
    NEEDS_REVIEW,
    /** Could not be translated; the reason is recorded and a later run retries it. */
    FAILED,
    /** Not a news article (index page, gallery, too short): reported, never translated. */
    NOT_ARTICLE,
    /** Read but not attempted (endpoint circuit open, budget spent, run stopped): the next run picks it up. */
    PENDING,
    /**
     * Checked, corrected where needed and approved by an editor in the web app. A later run or a cache hit never
     * replaces it: the editor's version is the article's truth (the model's version stays in the review history).
     */
    REVIEWED;

    /** Counts as delivered for the exit code. */
    public boolean delivered() {
        return this == TRANSLATED || this == NEEDS_REVIEW || this == REVIEWED;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ArticleStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
