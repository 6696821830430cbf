package dev.warta.offline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ChrfTest {

    @Test
    void identicalTextScoresHundredAndWhitespaceDoesNotCount() {
        assertThat(Chrf.sentenceScore("the cat sat", "the cat sat")).isEqualTo(100.0);
        assertThat(Chrf.sentenceScore("a b c", "abc")).isEqualTo(100.0);
    }

    @Test
    void textWithNoCharacterInCommonScoresZero() {
        assertThat(Chrf.sentenceScore("xyz", "abc")).isZero();
    }

    @Test
    void averagesPrecisionAndRecallOverTheOrdersThatOccurThenWeighsRecallTwice() {
        // hyp "ab", ref "abc": unigrams P=1 R=2/3, bigrams P=1 R=1/2, no trigrams in the hypothesis.
        // avg P = 1, avg R = 7/12; F2 = 5 * P * R / (4P + R) = 35/55.
        assertThat(Chrf.sentenceScore("ab", "abc")).isCloseTo(100.0 * 35 / 55, within(1e-9));
    }

    @Test
    void corpusScoreSumsStatisticsOverSentencesRatherThanAveragingSentenceScores() {
        // Half the n-grams of every order match across the two pairs: precision = recall = 0.5.
        assertThat(Chrf.corpusScore(List.of("xyz", "abc"), List.of("abc", "abc"))).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void hypothesesAndReferencesMustPairUp() {
        assertThatThrownBy(() -> Chrf.corpusScore(List.of("a"), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in number");
    }
}
