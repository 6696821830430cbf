package dev.warta.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * Counts tokens with the encoding of the configured model only.
 *
 * <p>LangChain4j's {@code OpenAiTokenCountEstimator} counts the same way, but builds jtokkit's default registry, which
 * loads all five of its encodings at once: about 70 MB of heap that stays for the whole run, most of a small
 * machine's budget. The lazy registry loads the one encoding asked for (about 30 MB for o200k_base).
 */
final class ModelTokenCounter implements TokenCountEstimator {

    private static final EncodingRegistry ENCODINGS = Encodings.newLazyEncodingRegistry();
    /** OpenAI's chat format: each message costs a few tokens of framing besides its text. */
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PRIMING_THE_REPLY = 3;

    private final Encoding encoding;

    private ModelTokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    /**
     * The tokenizer of {@code model} when jtokkit knows it; otherwise that of the gpt-4o family (o200k_base), close
     * enough for budgeting the chunks of open models.
     */
    static ModelTokenCounter forModel(String model) {
        return new ModelTokenCounter(ENCODINGS.getEncodingForModel(model)
                .orElseGet(() -> ENCODINGS.getEncoding(EncodingType.O200K_BASE)));
    }

    String encodingName() {
        return encoding.getName();
    }

    @Override
    public int estimateTokenCountInText(String text) {
        // ordinary: an article that contains "<|endoftext|>" is text to count, not a control token
        return encoding.countTokensOrdinary(text);
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        return TOKENS_PER_MESSAGE + estimateTokenCountInText(message.type().name().toLowerCase(java.util.Locale.ROOT))
                + estimateTokenCountInText(textOf(message));
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        int tokens = TOKENS_PRIMING_THE_REPLY;
        for (ChatMessage message : messages) {
            tokens += estimateTokenCountInMessage(message);
        }
        return tokens;
    }

    private static String textOf(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof UserMessage user) {
            StringBuilder text = new StringBuilder();
            for (Content content : user.contents()) {
                if (content instanceof TextContent part) {
                    text.append(part.text());
                }
            }
            return text.toString();
        }
        if (message instanceof AiMessage ai) {
            return ai.text() == null ? "" : ai.text();
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return result.text();
        }
        return "";
    }
}
