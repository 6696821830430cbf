package dev.warta.text;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LetterSplitterTest {

    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern NOT_NAME_CHARACTERS = Pattern.compile("[^\\p{L}'’-]+");

    @Test
    void cutsAtRunsOfNonLettersKeepingALeadingEmptyPieceAndDroppingTrailingOnes() {
        assertThat(LetterSplitter.atNonLetters().split("  Banjir di 12 desa, kata BPBD.  "))
                .containsExactly("", "Banjir", "di", "desa", "kata", "BPBD");
        assertThat(LetterSplitter.atNonLetters().split("Jakarta")).containsExactly("Jakarta");
        assertThat(LetterSplitter.atNonLetters().split("")).containsExactly("");
        assertThat(LetterSplitter.atNonLetters().split("12 ... 34")).isEmpty();
        assertThat(LetterSplitter.atNonLettersBut("'’-").split("Ma’ruf Amin's anak-anak, 2026"))
                .containsExactly("Ma’ruf", "Amin's", "anak-anak");
    }

    @Test
    void hashesAPieceAsItsStringWouldBeHashed() {
        String text = "Banjir di Jakarta, 𝐀 naïve";
        for (int start = 0; start <= text.length(); start++) {
            for (int end = start; end <= text.length(); end++) {
                assertThat(LetterSplitter.hashOf(text, start, end)).isEqualTo(text.substring(start, end).hashCode());
            }
        }
    }

    @Test
    void givesThePiecesTheRegularExpressionGivesOnRandomText() {
        String[] parts = {"a", "Z", "é", "e\u0301", "\u0301", "İ", "ß", "1", "٣", " ", "  ", "\t", "\n", ",", ".", "'",
                "’", "-", "—", "“", "\u00a0", "中文", "العربية", "𝐀", "😀", "\ud83c\uddee\ud83c\uddf3", "\ud800", "\udc00",
                "_", "$", "Rp", "berita", "Jakarta"};
        Random random = new Random(7);
        for (int sample = 0; sample < 20_000; sample++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int part = 0; part < length; part++) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String input = text.toString();
            assertThat(LetterSplitter.atNonLetters().split(input)).as(input)
                    .containsExactly(NON_LETTERS.split(input));
            assertThat(LetterSplitter.atNonLettersBut("'’-").split(input)).as(input)
                    .containsExactly(NOT_NAME_CHARACTERS.split(input));
            assertThat(pieces(LetterSplitter.atNonLetters(), input)).as(input)
                    .containsExactly(nonEmpty(NON_LETTERS.split(input)));
            assertThat(pieces(LetterSplitter.atNonLettersBut("'’-"), input)).as(input)
                    .containsExactly(nonEmpty(NOT_NAME_CHARACTERS.split(input)));
        }
    }

    @Test
    void walksTheNonEmptyPiecesInPlace() {
        assertThat(pieces(LetterSplitter.atNonLetters(), "  Banjir di 12 desa, kata BPBD.  "))
                .containsExactly("Banjir", "di", "desa", "kata", "BPBD");
        assertThat(pieces(LetterSplitter.atNonLetters(), "12 ... 34")).isEmpty();
    }

    private static String[] pieces(LetterSplitter splitter, String text) {
        java.util.List<String> pieces = new java.util.ArrayList<>();
        splitter.forEachPiece(text, (start, end) -> pieces.add(text.substring(start, end)));
        return pieces.toArray(String[]::new);
    }

    private static String[] nonEmpty(String[] pieces) {
        return java.util.Arrays.stream(pieces).filter(piece -> !piece.isEmpty()).toArray(String[]::new);
    }
}
