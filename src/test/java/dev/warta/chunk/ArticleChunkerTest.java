package dev.warta.chunk;

import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleChunkerTest {

    private final OpenAiTokenCountEstimator tokens = new OpenAiTokenCountEstimator("gpt-4o-mini");

    @Test
    void aShortArticleIsOneChunkOfWholeParagraphs() {
        List<Chunk> chunks = new ArticleChunker(tokens, 2000).chunk(List.of("Paragraf satu.", "Paragraf dua."));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.texts()).containsExactly("Paragraf satu.", "Paragraf dua.");
            assertThat(chunk.pieces()).extracting(TextPiece::paragraph).containsExactly(0, 1);
        });
    }

    @Test
    void paragraphsArePackedIntoChunksWithinTheBudgetInOrder() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            paragraphs.add("Paragraf " + i + " membahas proyek panas bumi di Sulawesi Utara yang menghasilkan listrik.");
        }
        ArticleChunker chunker = new ArticleChunker(tokens, 100);

        List<Chunk> chunks = chunker.chunk(paragraphs);

        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.tokens()).isLessThanOrEqualTo(100));
        assertThat(chunks.stream().flatMap(chunk -> chunk.texts().stream()).toList()).isEqualTo(paragraphs);
        assertThat(chunks).extracting(Chunk::index).containsExactly(
                java.util.stream.IntStream.range(0, chunks.size()).boxed().toArray(Integer[]::new));
    }

    @Test
    void aParagraphOverTheBudgetIsCutBetweenSentencesNeverInsideOne() {
        String sentence = "Menteri mengatakan proyek itu akan selesai pada tahun 2027 dengan biaya Rp 5 triliun.";
        String paragraph = String.join(" ", java.util.Collections.nCopies(10, sentence));

        List<Chunk> chunks = new ArticleChunker(tokens, 60).chunk(List.of(paragraph, "Penutup singkat."));

        List<TextPiece> pieces = chunks.stream().flatMap(chunk -> chunk.pieces().stream()).toList();
        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces).filteredOn(piece -> piece.paragraph() == 0)
                .allSatisfy(piece -> assertThat(piece.text()).endsWith("Rp 5 triliun."));
        assertThat(String.join(" ", pieces.stream().filter(p -> p.paragraph() == 0).map(TextPiece::text).toList()))
                .isEqualTo(paragraph);
        assertThat(pieces.get(pieces.size() - 1)).isEqualTo(new TextPiece(1, "Penutup singkat.",
                tokens.estimateTokenCountInText("Penutup singkat.")));
    }

    @Test
    void aBudgetTooSmallToBeUsefulIsRefused() {
        assertThatThrownBy(() -> new ArticleChunker(tokens, 10))
                .hasMessage("chunk budget must be at least 50 tokens, was 10");
    }
}
