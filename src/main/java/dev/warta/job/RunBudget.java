package dev.warta.job;

import dev.warta.llm.LlmProperties;
import dev.warta.llm.http.CallMetrics;

import java.util.Locale;
import java.util.Optional;

/**
 * The caps an operator put on one run's spending. Once a cap is reached no further article is sent: the rest are
 * recorded as pending, with this reason, for the next run.
 */
class RunBudget {

    private final WartaProperties.Budget budget;
    private final LlmProperties llm;
    private final CallMetrics metrics;

    /** {@code metrics} counts the tokens paid for: answers reused from earlier identical requests cost nothing. */
    RunBudget(WartaProperties.Budget budget, LlmProperties llm, CallMetrics metrics) {
        this.budget = budget;
        this.llm = llm;
        this.metrics = metrics;
    }

    /** The reason no more articles may be sent in this run, or empty while there is budget left. */
    Optional<String> exhausted() {
        CallMetrics.Snapshot spent = metrics.snapshot();
        if (budget.maxTokens() > 0 && spent.totalTokens() >= budget.maxTokens()) {
            return Optional.of("run budget reached: " + spent.totalTokens() + " of " + budget.maxTokens()
                    + " tokens spent (warta.budget.max-tokens)");
        }
        Double cost = llm.cost(spent.promptTokens(), spent.completionTokens());
        if (budget.maxCost() > 0 && cost != null && cost >= budget.maxCost()) {
            return Optional.of(String.format(Locale.ROOT,
                    "run budget reached: USD %.4f of %.4f spent (warta.budget.max-cost)", cost, budget.maxCost()));
        }
        return Optional.empty();
    }
}
