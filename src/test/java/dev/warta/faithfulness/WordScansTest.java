package dev.warta.faithfulness;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name check's scans around a capitalised word replaced expressions that ran over the whole text before it; on
 * any text they must find exactly what those expressions found, or the checks' verdicts would change.
 */
class WordScansTest {

    private static final Pattern WORD_BEFORE_END = Pattern.compile("(\\p{L}+)\\s+$");
    private static final Pattern CAPITALISED_BEFORE = Pattern.compile("(\\p{Lu}\\p{L}+)\\s+$");
    private static final Pattern AFTER_ADDRESS_PART = Pattern.compile("(?s).*\\p{Lu}\\p{L}+,\\s+$");
    private static final Pattern ADDRESS_PART = Pattern.compile("(?s)\\p{L}+,\\s+\\p{Lu}.*");

    /** Letters of both cases and scripts, the spaces of \s, line terminators outside it, punctuation, a surrogate pair. */
    private static final String[] PIECES = {"a", "b", "K", "Z", "é", "É", "ß", "ǅ", "Ω", "ж", "Ж", "中", "𝐀", "𝐚",
            " ", " ", "\t", "\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u00A0", ",", ",", ".", "-", "1", "(",
            "Ⓐ"};

    @Test
    void eachScanFindsWhatItsExpressionFoundOnRandomText() {
        Random random = new Random(20261130);
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String sample = text.toString();
            for (int end = 0; end <= sample.length(); end++) {
                String before = sample.substring(0, end);
                Matcher word = WORD_BEFORE_END.matcher(before);
                assertThat(FaithfulnessChecker.wordBeforeSpaces(sample, end)).as("word before %s|", before)
                        .isEqualTo(word.find() ? word.start(1) : -1);
                Matcher capitalised = CAPITALISED_BEFORE.matcher(before);
                assertThat(FaithfulnessChecker.capitalisedBefore(sample, end)).as("capitalised before %s|", before)
                        .isEqualTo(capitalised.find() ? capitalised.start(1) : -1);
                assertThat(FaithfulnessChecker.afterAddressPart(sample, end)).as("address part before %s|", before)
                        .isEqualTo(AFTER_ADDRESS_PART.matcher(before).matches());
                assertThat(FaithfulnessChecker.addressPartAt(sample, end)).as("address part at |%s",
                        sample.substring(end)).isEqualTo(ADDRESS_PART.matcher(sample.substring(end)).matches());
            }
        }
    }

    @Test
    void quotesAroundAWordGoAsTheirExpressionTookThem() {
        Pattern quotesAround = Pattern.compile("^[\"“‘'(]+|[,;:\"”’')]+$");
        String[] pieces = {"a", "Kata", "\"", "“", "”", "‘", "’", "'", "(", ")", ",", ";", ":", ".", "\u0085",
                "\u2028", "\u2029", "é"};
        Random random = new Random(20261201);
        for (int round = 0; round < 100_000; round++) {
            StringBuilder token = new StringBuilder(pieces[random.nextInt(pieces.length)]);
            int more = random.nextInt(6);
            for (int i = 0; i < more; i++) {
                token.append(pieces[random.nextInt(pieces.length)]);
            }
            String sample = token.toString();
            assertThat(FaithfulnessChecker.withoutQuotesAround(sample)).as(sample)
                    .isEqualTo(quotesAround.matcher(sample).replaceAll(""));
        }
        assertThat(FaithfulnessChecker.withoutQuotesAround("“Artinya,")).isEqualTo("Artinya");
        assertThat(FaithfulnessChecker.withoutQuotesAround("(Pemprov)")).isEqualTo("Pemprov");
    }

    @Test
    void theScansReadTheShapesOfNewsText() {
        String address = "Rumahnya di Kali Serdang, Kemayoran, Jakarta Pusat";
        int kemayoran = address.indexOf("Kemayoran");
        assertThat(FaithfulnessChecker.afterAddressPart(address, kemayoran)).isTrue();
        assertThat(FaithfulnessChecker.addressPartAt(address, kemayoran)).isTrue();
        String office = "Dirjen Perbendaharaan Negara";
        assertThat(FaithfulnessChecker.capitalisedBefore(office, office.indexOf("Negara")))
                .isEqualTo(office.indexOf("Perbendaharaan"));
        assertThat(FaithfulnessChecker.wordBeforeSpaces("warga di Kemayoran", "warga di ".length()))
                .isEqualTo("warga ".length());
        assertThat(FaithfulnessChecker.capitalisedBefore("warga di Kemayoran", "warga di ".length())).isEqualTo(-1);
    }
}
