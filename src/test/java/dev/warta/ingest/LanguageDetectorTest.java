package dev.warta.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "id|Pemerintah daerah mengatakan bahwa perbaikan jalan itu akan selesai sebelum akhir tahun karena "
                    + "anggarannya sudah tersedia. Warga berharap pekerjaan tersebut tidak mengganggu pasar.",
            "ms|Kerajaan negeri berkata bahawa kerja-kerja membaiki jalan itu akan siap sebelum hujung tahun kerana "
                    + "peruntukan sudah ada. Penduduk berharap ia tidak mengganggu pasar selepas ini.",
            "en|The regional government said that the road repairs would be finished before the end of the year "
                    + "because the budget is already available. Residents hope the work will not disturb the market.",
            "jv|Pamarentah daerah ngendika yen ndandani dalan kuwi bakal rampung sadurunge pungkasan taun amarga "
                    + "dhuwite wis ana. Warga ngarep-arep gaweyan iki ora ngganggu pasar lan dalan desa.",
            "su|Pamarentah daerah nyarios yén ngalereskeun jalan éta bakal réngsé saméméh ahir taun sabab "
                    + "anggaranana geus aya. Warga ngarep-ngarep pagawéan ieu teu ngaganggu pasar jeung jalan désa."})
    void recognisesEachLanguageOfTheRegion(String language, String text) {
        LanguageDetector.Detected detected = detector.detect(text);

        assertThat(detected.language()).isEqualTo(language);
        assertThat(detected.confidence()).isBetween(0.3, 1.0);
    }

    @Test
    void longerIndonesianTextIsMoreCertainThanAFewWords() {
        double few = detector.detect("Dia di pasar.").confidence();
        double many = detector.detect("Dia mengatakan bahwa harga cabai di pasar tersebut sudah naik sejak pekan "
                + "lalu, dan para pedagang belum tahu kapan harga itu akan turun lagi karena pasokan dari petani "
                + "masih terbatas.").confidence();

        assertThat(many).isGreaterThan(few);
    }

    @Test
    void headlineWithoutFunctionWordsGetsAWeakGuessFromWordShapes() {
        LanguageDetector.Detected english = detector.detect("Former mayor arrested, bridges closed during flooding");
        LanguageDetector.Detected indonesian = detector.detect("Mantan Wali Kota Ditangkap, Jembatan Ditutup Selama Banjir");

        assertThat(english.language()).isEqualTo("en");
        assertThat(indonesian.language()).isEqualTo("id");
        assertThat(english.confidence()).isBetween(0.01, 0.3);
    }

    @Test
    void textWithoutFunctionWordsHasNoConfidence() {
        LanguageDetector.Detected detected = detector.detect("12345 — 678");

        assertThat(detected.confidence()).isZero();
    }

    @Test
    void findsTheWordsTheRegularExpressionFindsOnRandomText() {
        Pattern word = Pattern.compile("[\\p{L}]+(?:[’'][\\p{L}]+)?");
        String[] parts = {"a", "Z", "é", "e\u0301", "\u0301", "İ", "1", " ", "\n", ",", ".", "'", "’", "''", "-", "“",
                "\u00a0", "中文", "𝐀", "😀", "\ud800", "\udc00", "don", "t", "Ma", "ruf", "yang"};
        Random random = new Random(5);
        for (int sample = 0; sample < 20_000; sample++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int part = 0; part < length; part++) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            List<String> expected = new ArrayList<>();
            Matcher matcher = word.matcher(text);
            while (matcher.find()) {
                expected.add(matcher.group());
            }
            assertThat(LanguageDetector.words(text.toString())).as(text.toString()).isEqualTo(expected);
        }
    }

    @Test
    void paragraphsCountedOnceDecideAsTheirTextJoinedWithLineBreaks() {
        // function words of every family (ties between families included), Indonesian- and Malay-only words,
        // word shapes for texts without function words, and the characters that end or join words
        String[] parts = {"the", "said", "yang", "dan", "karena", "kerana", "bahawa", "ing", "lan", "teu", "jeung",
                "menyebutkan", "reported", "diperbaiki", "walking", "pasar", "İ", "Σ", "don't", "’", "'", "12",
                "—", "é", " ", " ", " ", ".", "\n"};
        Random random = new Random(12);
        for (int sample = 0; sample < 5_000; sample++) {
            List<String> paragraphs = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int p = 0; p < count; p++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(14);
                for (int part = 0; part < length; part++) {
                    text.append(parts[random.nextInt(parts.length)]);
                }
                paragraphs.add(text.toString());
            }
            LanguageDetector.Tally joined = LanguageDetector.Tally.joined(paragraphs.stream()
                    .map(detector::tally).toList());

            assertThat(detector.detect(joined)).as(paragraphs.toString())
                    .isEqualTo(detector.detect(String.join("\n", paragraphs)));
            assertThat(detector.detect(detector.tally(paragraphs.get(0))))
                    .isEqualTo(detector.detect(paragraphs.get(0)));
        }
    }

    @Test
    void aTieBetweenFamiliesGoesTheSameWayWhicheverWordCameFirstAndWhetherCountedWholeOrByParagraph() {
        // the order the detector has always broken ties in: Sundanese, Malay-Indonesian, English, Javanese
        for (String[] tie : new String[][] {{"the yang", "id"}, {"yang the", "id"}, {"ing the", "en"},
                {"the ing", "en"}, {"teu yang the ing", "su"}, {"lan teu", "su"}}) {
            String[] words = tie[0].split(" ");
            LanguageDetector.Tally byParagraph = LanguageDetector.Tally.joined(java.util.Arrays.stream(words)
                    .map(detector::tally).toList());

            assertThat(detector.detect(tie[0]).language()).as(tie[0]).isEqualTo(tie[1]);
            assertThat(detector.detect(byParagraph).language()).as(tie[0]).isEqualTo(tie[1]);
        }
    }
}
