package dev.warta.article;

/**
 * A person, organisation or place named in an article.
 *
 * @param name    as written in the source
 * @param english rendering in the target language (often the same)
 * @param type    {@code PERSON}, {@code ORGANIZATION} or {@code PLACE}
 */
public record NamedEntity(String name, String english, String type) {
}
