package dev.warta.article;

/**
 * Model calls and tokens spent.
 */
public record Usage(int calls, long promptTokens, long completionTokens) {

    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(calls + other.calls, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
