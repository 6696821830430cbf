package dev.warta.faithfulness;

import dev.warta.text.LetterSplitter;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LowerCaseWordsTest {

    private static final LetterSplitter NOT_NAME_CHARACTERS = LetterSplitter.atNonLettersBut("'’-");

    @Test
    void holdsTheLowerCaseOfEachWordThatStartsInLowerCase() {
        LowerCaseWords words = LowerCaseWords.of("Menurut warga Jakarta, menurut dia banjir-banjir eNam kali "
                + "ma’ruf naïve", NOT_NAME_CHARACTERS);
        assertThat(words.contains("menurut")).isTrue();
        assertThat(words.contains("banjir-banjir")).isTrue();
        assertThat(words.contains("enam")).isTrue();
        assertThat(words.contains("ma’ruf")).isTrue();
        assertThat(words.contains("naïve")).isTrue();
        // capitalised only: a name
        assertThat(words.contains("jakarta")).isFalse();
        assertThat(words.contains("banjir")).isFalse();
        assertThat(words.contains("menu")).isFalse();
    }

    @Test
    void answersAsASetOfTheLowerCasedWordsOnRandomText() {
        String[] parts = {"a", "b", "Z", "é", "İ", "ß", "K", "Σ", "1", " ", "  ", "\n", ",", "'", "’", "-", "𝐀",
                "\ud800", "dan", "Dan", "yang", "kota", "Kota", "warGa"};
        Random random = new Random(5);
        for (int sample = 0; sample < 5_000; sample++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int part = 0; part < length; part++) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String input = text.toString();
            Set<String> expected = new HashSet<>();
            Set<String> asked = new HashSet<>();
            NOT_NAME_CHARACTERS.forEachPiece(input, (start, end) -> {
                String piece = input.substring(start, end);
                asked.add(piece.toLowerCase(Locale.ROOT));
                asked.add(piece);
                if (Character.isLowerCase(input.charAt(start))) {
                    expected.add(piece.toLowerCase(Locale.ROOT));
                }
            });
            LowerCaseWords words = LowerCaseWords.of(input, NOT_NAME_CHARACTERS);
            for (String word : asked) {
                assertThat(words.contains(word)).as(input + " / " + word).isEqualTo(expected.contains(word));
            }
        }
    }
}
