package dev.warta.chunk;

import java.util.List;

/**
 * Consecutive pieces of an article's body that fit one model call's token budget.
 *
 * @param index  position of the chunk in the article, 0-based
 * @param pieces the pieces, in reading order
 */
public record Chunk(int index, List<TextPiece> pieces) {

    public Chunk {
        pieces = List.copyOf(pieces);
    }

    public int tokens() {
        return pieces.stream().mapToInt(TextPiece::tokens).sum();
    }

    public List<String> texts() {
        return pieces.stream().map(TextPiece::text).toList();
    }
}
