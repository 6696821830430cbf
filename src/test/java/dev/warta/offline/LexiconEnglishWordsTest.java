package dev.warta.offline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconEnglishWordsTest {

    @Test
    void theWordsOfTheEnglishRenderingsAreEnglishWordsAndNamesAreNot() {
        Lexicon lexicon = Lexicon.of(Map.of("dinas kesehatan", "health department|n", "kepala", "head|n",
                "rumah sakit", "hospital|n", "gula", ""));

        assertThat(lexicon.isEnglishWord("department")).isTrue();
        assertThat(lexicon.isEnglishWord("head")).isTrue();
        assertThat(lexicon.isEnglishWord("hospital")).isTrue();
        // Indonesian keys, and names no rendering contains, are not English words
        assertThat(lexicon.isEnglishWord("kepala")).isFalse();
        assertThat(lexicon.isEnglishWord("emmawati")).isFalse();
    }
}
