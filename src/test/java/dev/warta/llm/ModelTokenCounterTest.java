package dev.warta.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import org.junit.jupiter.api.Test;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTokenCounterTest {

    private static final String ARTICLE = "Banjir melanda 12 desa di Kabupaten Bandung sejak Senin (17/11) pagi. "
            + "Sebanyak 600.000 warga terdampak, kata Kepala BPBD Jawa Barat, Dani Ramdan.";

    @Test
    void countsAsLangChain4jDoesForTheSameModel() {
        ModelTokenCounter counter = ModelTokenCounter.forModel("gpt-4o-mini");

        assertThat(counter.encodingName()).isEqualTo("o200k_base");
        assertThat(counter.estimateTokenCountInText(ARTICLE))
                .isEqualTo(new OpenAiTokenCountEstimator("gpt-4o-mini").estimateTokenCountInText(ARTICLE));
        assertThat(ModelTokenCounter.forModel("gpt-4").estimateTokenCountInText(ARTICLE))
                .isEqualTo(new OpenAiTokenCountEstimator("gpt-4").estimateTokenCountInText(ARTICLE));
    }

    /** Texts meant to catch a count that differs from the tokenizer's own where a text is cut before a space. */
    private static final List<String> TRICKY = List.of(
            ARTICLE,
            "Presiden Prabowo Subianto mengatakan, \u201cKita tidak akan mundur.\u201d Menurut dia\u2014seperti "
                    + "dilaporkan Antara\u2014anggaran naik 3,5 persen\u2026 Rp 1.250.000.000 (Rp1,25 miliar).",
            "The minister's aides said they'd \"review\" it; it's  double  spaced,\tand\ttabbed.\n\nNew paragraph.",
            "  leading spaces and trailing ones  ",
            " a b c d e f 1 2 3 4 5 6 7 8 9 10 100 1000 10000 100000 3.14 2,5 -7 +8 ",
            "!!! ??? ... --- ,,, ;;; ::: ((( ))) [[[ ]]] {{{ }}} /// \\\\ ||| ___ *** &&& ^^^ %%% $$$ ### @@@",
            "line one\nline two\r\nline three \n indented\n\n\n  \n end \r\n",
            "\u00a0non-breaking\u00a0space and\u202fnarrow\u2009thin\u3000ideographic \u0085 next line",
            "\u4e2d\u6587 \u65b0\u95fb \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u0440\u0443\u0441\u0441\u043a\u0438\u0439 \u0e44\u0e17\u0e22 \ud55c\uad6d\uc5b4 \u0939\u093f\u0928\u094d\u0926\u0940 \u05e2\u05d1\u05e8\u05d9\u05ea",
            "emoji \ud83d\ude00 \ud83c\uddee\ud83c\udde9 \ud83d\udc4d\ud83c\udffd \u2764\ufe0f x\ud83d\ude00y \ud83d\ude00 \ud83d\ude00",
            "it's IT'S they'll WE'VE I'm you'd 'quoted' 's 't ' s ' t don' t",
            "https://www.antaranews.com/berita/4123456/banjir-bandung-2026?utm_source=x&utm=y#top a b",
            "CamelCase McDonald's iPhone NASA-led COVID-19 H5N1 e-KTP BPJS/Kesehatan 5G/4G 1/2 a/b",
            "<|endoftext|> <|fim_prefix|> text",
            "");

    @Test
    void countsExactlyAsTheTokenizerDoesForEveryEncodingOnTrickyAndRandomText() {
        for (EncodingType type : EncodingType.values()) {
            ModelTokenCounter counter = ModelTokenCounter.forEncoding(type);
            Encoding tokenizer = Encodings.newLazyEncodingRegistry().getEncoding(type);
            for (String text : TRICKY) {
                assertThat(counter.estimateTokenCountInText(text)).as("%s: %s", type, text)
                        .isEqualTo(tokenizer.countTokensOrdinary(text));
            }
            // twice: the second time every word is remembered from the first
            Random random = new Random(12);
            for (int round = 0; round < 2; round++) {
                for (int sample = 0; sample < 300; sample++) {
                    String text = randomText(random);
                    assertThat(counter.estimateTokenCountInText(text)).as("%s: %s", type, text)
                            .isEqualTo(tokenizer.countTokensOrdinary(text));
                }
                random = new Random(12);
            }
        }
    }

    @Test
    void theRememberedWordsStayBoundedAndCountsStayExactAfterTheMemoryIsEmptied() {
        ModelTokenCounter counter = ModelTokenCounter.forModel("gpt-4o-mini");
        Encoding tokenizer = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        int largest = 0;
        for (int start = 0; start < ModelTokenCounter.REMEMBERED_SEGMENTS * 3 / 2; start += 100) {
            StringBuilder text = new StringBuilder();
            for (int word = start; word < start + 100; word++) {
                text.append(word % 7 == 0 ? "Kata" : " kata").append(Integer.toString(word, 36));
            }
            assertThat(counter.estimateTokenCountInText(text.toString()))
                    .isEqualTo(tokenizer.countTokensOrdinary(text.toString()));
            largest = Math.max(largest, counter.rememberedSegments());
        }
        assertThat(largest).isBetween(ModelTokenCounter.REMEMBERED_SEGMENTS - 100, ModelTokenCounter.REMEMBERED_SEGMENTS);
        assertThat(counter.rememberedSegments()).isLessThan(ModelTokenCounter.REMEMBERED_SEGMENTS);
    }

    /** Words, numbers, punctuation, spaces of every kind, newlines, scripts and emoji, in random order. */
    private static String randomText(Random random) {
        String[] parts = {"berita", "Jakarta", "the", "It's", "they'll", "12", "2026", "3,5", "1.250.000", "Rp", "%",
                "\u201c", "\u201d", "\u2014", "\u2026", ",", ".", "!?", "(", ")", "'s", "'", "\"", "-", "/", "\u00a0",
                " ", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\u3000", "\u0085", "\u4e2d\u6587", "\u0627\u0644",
                "\u043c\u0438\u0440", "\ud83d\ude00", "\ud83c\uddee\ud83c\udde9", "\u0301", "e\u0301", "x", "A", "NASA",
                "https://x.id/a?b=1", "<|endoftext|>", "____", "..."};
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int part = 0; part < length; part++) {
            text.append(parts[random.nextInt(parts.length)]);
        }
        return text.toString();
    }

    @Test
    void anUnknownModelIsCountedWithTheGpt4oEncoding() {
        ModelTokenCounter counter = ModelTokenCounter.forModel("qwen2.5-72b-instruct");

        assertThat(counter.encodingName()).isEqualTo("o200k_base");
        assertThat(counter.estimateTokenCountInText(ARTICLE)).isGreaterThan(20);
    }

    @Test
    void aControlTokenInAnArticleIsCountedAsText() {
        ModelTokenCounter counter = ModelTokenCounter.forModel("gpt-4o-mini");

        assertThat(counter.estimateTokenCountInText("Teks <|endoftext|> aneh")).isGreaterThan(3);
    }

    @Test
    void messagesCostTheirTextAndTheirFraming() {
        ModelTokenCounter counter = ModelTokenCounter.forModel("gpt-4o-mini");
        List<ChatMessage> messages = List.of(SystemMessage.from("Translate."), UserMessage.from(ARTICLE));

        int text = counter.estimateTokenCountInText("Translate.") + counter.estimateTokenCountInText(ARTICLE);
        assertThat(counter.estimateTokenCountInMessages(messages)).isBetween(text + 6, text + 20);
    }
}
