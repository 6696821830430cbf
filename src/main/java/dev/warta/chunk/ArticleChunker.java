package dev.warta.chunk;

import dev.warta.text.SentenceSplitter;

import dev.langchain4j.model.TokenCountEstimator;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs an article's paragraphs into chunks of at most {@code maxTokens} estimated tokens each. Paragraphs are kept
 * whole when they fit; a paragraph larger than the budget is cut between sentences, never inside one. A single
 * sentence larger than the budget becomes a chunk of its own (cutting it would change its meaning), so callers
 * should leave headroom in the budget.
 */
public class ArticleChunker {

    private final TokenCountEstimator estimator;
    private final int maxTokens;

    public ArticleChunker(TokenCountEstimator estimator, int maxTokens) {
        if (maxTokens < 50) {
            throw new IllegalArgumentException("chunk budget must be at least 50 tokens, was " + maxTokens);
        }
        this.estimator = estimator;
        this.maxTokens = maxTokens;
    }

    /** A chunker with half this budget: for answers that did not fit the model's output limit. */
    public ArticleChunker halved() {
        return new ArticleChunker(estimator, Math.max(50, maxTokens / 2));
    }

    /** A chunker with {@code factor} times this budget (summaries read more than a translation call writes). */
    public ArticleChunker scaled(int factor) {
        return new ArticleChunker(estimator, maxTokens * factor);
    }

    public int estimate(String text) {
        return estimator.estimateTokenCountInText(text);
    }

    public List<Chunk> chunk(List<String> paragraphs) {
        List<Chunk> chunks = new ArrayList<>();
        List<TextPiece> current = new ArrayList<>();
        int currentTokens = 0;
        for (TextPiece piece : pieces(paragraphs)) {
            if (!current.isEmpty() && currentTokens + piece.tokens() > maxTokens) {
                chunks.add(new Chunk(chunks.size(), current));
                current = new ArrayList<>();
                currentTokens = 0;
            }
            current.add(piece);
            currentTokens += piece.tokens();
        }
        if (!current.isEmpty()) {
            chunks.add(new Chunk(chunks.size(), current));
        }
        return chunks;
    }

    private List<TextPiece> pieces(List<String> paragraphs) {
        List<TextPiece> pieces = new ArrayList<>();
        for (int index = 0; index < paragraphs.size(); index++) {
            String paragraph = paragraphs.get(index);
            int tokens = estimate(paragraph);
            if (tokens <= maxTokens) {
                pieces.add(new TextPiece(index, paragraph, tokens));
            } else {
                pieces.addAll(splitBySentence(index, paragraph));
            }
        }
        return pieces;
    }

    private List<TextPiece> splitBySentence(int paragraph, String text) {
        List<TextPiece> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentTokens = 0;
        for (String sentence : SentenceSplitter.split(text)) {
            int tokens = estimate(sentence) + 1;
            if (current.length() > 0 && currentTokens + tokens > maxTokens) {
                pieces.add(new TextPiece(paragraph, current.toString(), currentTokens));
                current.setLength(0);
                currentTokens = 0;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(sentence);
            currentTokens += tokens;
        }
        if (current.length() > 0) {
            pieces.add(new TextPiece(paragraph, current.toString(), currentTokens));
        }
        return pieces;
    }
}
