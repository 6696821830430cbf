package dev.warta.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import org.junit.jupiter.api.Test;

import java.util.List;

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
