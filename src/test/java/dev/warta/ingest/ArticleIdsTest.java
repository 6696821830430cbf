package dev.warta.ingest;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

    @Test
    void sameStoryUnderTrackingParametersSchemeAndWwwHasOneId() {
        String plain = ArticleIds.fromUrl("https://www.kompas.com/read/2024/11/05/banjir-rob-jakarta");
        String tracked = ArticleIds.fromUrl("http://kompas.com/read/2024/11/05/banjir-rob-jakarta/?utm_source=x#top");

        assertThat(tracked).isEqualTo(plain);
        assertThat(plain).startsWith("kompas-banjir-rob-jakarta-").matches("[a-z0-9-]{1,64}");
    }

    @Test
    void differentStoriesHaveDifferentIds() {
        assertThat(ArticleIds.fromUrl("https://kompas.com/read/1/berita"))
                .isNotEqualTo(ArticleIds.fromUrl("https://kompas.com/read/2/berita"));
    }

    @Test
    void longTitlesStillGiveFileNameSafeIdsOfAtMost64Characters() {
        String title = "Ketua DPRD Kabupaten Bandung Barat Menyatakan Dukungan Penuh terhadap Rencana Pembangunan "
                + "Waduk Baru di Wilayah Selatan — Édisi Khusus!";
        String hash = ArticleIds.contentHash(title, List.of("Isi."));

        String id = ArticleIds.fromContent(title, hash);

        assertThat(id).matches("[a-z0-9-]{1,64}").startsWith("ketua-dprd-kabupaten");
    }

    @Test
    void contentHashIgnoresWhitespaceDifferencesButNotWordChanges() {
        String hash = ArticleIds.contentHash("Judul", List.of("Kalimat  satu.", "Kalimat dua."));

        assertThat(ArticleIds.contentHash(" Judul ", List.of("Kalimat satu.", "Kalimat\tdua."))).isEqualTo(hash);
        assertThat(ArticleIds.contentHash("Judul", List.of("Kalimat satu.", "Kalimat tiga."))).isNotEqualTo(hash);
        assertThat(hash).matches("[0-9a-f]{64}");
    }

    @Test
    void rejectedIdsDifferPerFeedEntryAndAreFileNameSafe() {
        String line3 = ArticleIds.forRejected("input/feeds/Desk Feed.jsonl", "line 3");
        String line4 = ArticleIds.forRejected("input/feeds/Desk Feed.jsonl", "line 4");

        assertThat(line3).isNotEqualTo(line4).startsWith("rejected-desk-feed-jsonl-line-3-")
                .matches("[a-z0-9-]{1,64}");
    }

    @Test
    void theContentHashOfATextIsTheSameWithTheFastPathAsWithTheNormaliserItSkips() {
        // the content hash decides duplicates and reruns: its normal form must not change with the shortcut
        Pattern whitespace = Pattern.compile("\\s+");
        char[] alphabet = {'a', 'Z', '.', ' ', ' ', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u001C', '\u0001',
                '\u00A0', '\u00E9', 'e', '\u0301', '\u0300', '\u2028', '\u2003', '\u212B', '\u1100', '\u1161', '\u02FF'};
        Random random = new Random(20261201);
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String input = text.toString();
            String expected = whitespace.matcher(Normalizer.normalize(input, Normalizer.Form.NFC)).replaceAll(" ").strip();

            assertThat(ArticleIds.normaliseText(input)).as("%s", input.chars().boxed().toList()).isEqualTo(expected);
        }
    }

    @Test
    void everyCharacterAndPairBelowTheCombiningMarksIsAlreadyInNfc() {
        // what the fast path of normaliseText rests on, checked on the JDK that runs it
        for (char first = 0; first < 0x300; first++) {
            String one = String.valueOf(first);
            assertThat(Normalizer.isNormalized(one, Normalizer.Form.NFC)).as("U+%04X", (int) first).isTrue();
            for (char second = 0; second < 0x300; second++) {
                String pair = one + second;
                assertThat(Normalizer.normalize(pair, Normalizer.Form.NFC)).as("U+%04X U+%04X", (int) first, (int) second)
                        .isEqualTo(pair);
            }
        }
    }
}
