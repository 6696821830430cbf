package dev.warta.job;

import dev.warta.llm.LlmProperties;
import dev.warta.llm.http.CallMetrics;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The caps an operator put on one run's spending. Once a cap is reached no further article is sent: the rest are
 * recorded as pending, with this reason, for the next run.
 */
class RunBudget {

    private final WartaProperties.Budget budget;
    private final LlmProperties llm;
    private final Supplier<Spent> spent;

    /** Tokens paid for so far: prompt and completion. */
    record Spent(long promptTokens, long completionTokens) {
        long totalTokens() {
            return promptTokens + completionTokens;
        }
    }

    /** {@code metrics} counts the tokens paid for: answers reused from earlier identical requests cost nothing. */
    RunBudget(WartaProperties.Budget budget, LlmProperties llm, CallMetrics metrics) {
        this(budget, llm, () -> {
            CallMetrics.Snapshot snapshot = metrics.snapshot();
            return new Spent(snapshot.promptTokens(), snapshot.completionTokens());
        });
    }

    /**
     * {@code spent} is asked before each article: in a scale-out run it sums what every worker of the run has paid
     * (the calls recorded in the database), so the cap holds for the run, not per process.
     */
    RunBudget(WartaProperties.Budget budget, LlmProperties llm, Supplier<Spent> spent) {
        this.budget = budget;
        this.llm = llm;
        this.spent = spent;
    }

    /** The reason no more articles may be sent in this run, or empty while there is budget left. */
    Optional<String> exhausted() {
        if (budget.maxTokens() <= 0 && budget.maxCost() <= 0) {
            return Optional.empty();
        }
        Spent spent = this.spent.get();
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
