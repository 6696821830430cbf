package dev.warta.llm;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.warta.article.Usage;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the model endpoint was asked and charged during a run, including calls whose answer was then
 * rejected, so the run's accounting and budget see every token paid for. Also remembers, per thread, why the
 * last answer finished: LangChain4j reports a JSON answer cut off at the token limit only as a parsing error.
 */
public class UsageMeter implements ChatModelListener {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final ThreadLocal<FinishReason> lastFinishReason = new ThreadLocal<>();

    @Override
    public void onResponse(ChatModelResponseContext context) {
        calls.incrementAndGet();
        lastFinishReason.set(context.chatResponse().finishReason());
        TokenUsage usage = context.chatResponse().tokenUsage();
        if (usage != null) {
            promptTokens.addAndGet(usage.inputTokenCount() == null ? 0 : usage.inputTokenCount());
            completionTokens.addAndGet(usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        lastFinishReason.remove();
    }

    /** Calls answered, and tokens charged, since the start of the run. */
    public Usage total() {
        return new Usage(calls.get(), promptTokens.get(), completionTokens.get());
    }

    FinishReason lastFinishReasonOfThisThread() {
        return lastFinishReason.get();
    }

    void forgetLastFinishReason() {
        lastFinishReason.remove();
    }
}
