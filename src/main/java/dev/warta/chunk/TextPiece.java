package dev.warta.chunk;

/**
 * A piece of an article's body: a whole paragraph, or, when a paragraph alone exceeds the budget, a run of its
 * sentences. Pieces with the same paragraph index are joined again after translation, so the translated body keeps
 * the source's paragraphs.
 *
 * @param paragraph index of the source paragraph, 0-based
 * @param text      the text of the piece
 * @param tokens    its estimated token count
 */
public record TextPiece(int paragraph, String text, int tokens) {
}
