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

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts tokens with the encoding of the configured model only.
 *
 * <p>LangChain4j's {@code OpenAiTokenCountEstimator} counts the same way, but builds jtokkit's default registry, which
 * loads all five of its encodings at once: about 70 MB of heap that stays for the whole run, most of a small
 * machine's budget. The lazy registry loads the one encoding asked for (about 30 MB for o200k_base).
 *
 * <p>A text is counted as the sum of its words' counts, each word counted once per run and remembered: the
 * tokenizers' pre-split never puts a space that stands alone between two other characters anywhere but at the start
 * of a piece (a piece that holds a space starts with it or is all whitespace), so cutting a text before each such
 * space changes no piece and no count. Encoding every word of every paragraph again was a sixth of the processor
 * time of the threads that prepare and check articles; news repeats its words.
 */
final class ModelTokenCounter implements TokenCountEstimator {

    private static final EncodingRegistry ENCODINGS = Encodings.newLazyEncodingRegistry();
    /** OpenAI's chat format: each message costs a few tokens of framing besides its text. */
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PRIMING_THE_REPLY = 3;

    /** Longer segments (URLs, runs of text without spaces) are rare and are counted each time. */
    static final int LONGEST_REMEMBERED_SEGMENT = 40;
    /**
     * Segments remembered before the memory is emptied and starts again: about 6 MB at most, so the heap stays flat
     * however long the run, while a night's common words are back after a few articles.
     */
    static final int REMEMBERED_SEGMENTS = 50_000;

    private final Encoding encoding;
    private final ConcurrentHashMap<String, Integer> segmentTokens = new ConcurrentHashMap<>();

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

    static ModelTokenCounter forEncoding(EncodingType type) {
        return new ModelTokenCounter(ENCODINGS.getEncoding(type));
    }

    String encodingName() {
        return encoding.getName();
    }

    int rememberedSegments() {
        return segmentTokens.size();
    }

    @Override
    public int estimateTokenCountInText(String text) {
        int tokens = 0;
        int start = 0;
        int space = text.indexOf(' ', 1);
        while (space > 0 && space < text.length() - 1) {
            if (!isWhitespace(text.charAt(space - 1)) && !isWhitespace(text.charAt(space + 1))) {
                tokens += segmentTokens(text, start, space);
                start = space;
            }
            space = text.indexOf(' ', space + 2);
        }
        return tokens + segmentTokens(text, start, text.length());
    }

    private int segmentTokens(String text, int start, int end) {
        if (end - start > LONGEST_REMEMBERED_SEGMENT) {
            return countOrdinary(text.substring(start, end));
        }
        String segment = text.substring(start, end);
        Integer known = segmentTokens.get(segment);
        if (known != null) {
            return known;
        }
        int tokens = countOrdinary(segment);
        if (segmentTokens.size() >= REMEMBERED_SEGMENTS) {
            segmentTokens.clear();
        }
        segmentTokens.put(segment, tokens);
        return tokens;
    }

    private int countOrdinary(String text) {
        // ordinary: an article that contains "<|endoftext|>" is text to count, not a control token
        return encoding.countTokensOrdinary(text);
    }

    /**
     * Whitespace in the widest sense any of the tokenizers' patterns may use ({@code \s} with or without Unicode
     * classes): a cut is made only between characters that are none of it.
     */
    private static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        return TOKENS_PER_MESSAGE + estimateTokenCountInText(message.type().name().toLowerCase(Locale.ROOT))
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
