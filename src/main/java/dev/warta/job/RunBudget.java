package dev.warta.job;

import dev.warta.llm.LlmProperties;
import dev.warta.llm.http.CallMetrics;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
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

    /**
     * The budget of a run whose processes all spend it (a scale-out run): {@code readRun} sums what every process
     * of the run has paid, from the calls recorded in the database (a sum over the run's calls, so not for free).
     * It is read before every call once half the cap is spent, or once ten seconds at the run's fastest pace so far
     * could reach the cap, or while no second with answers has been measured yet; otherwise at most once a second.
     * The cap is then overshot only by the calls in flight (sent, not yet answered) in all processes together,
     * unless the run becomes ten times faster than its fastest second so far and spends half the cap within one
     * second. (Measured over the first second alone, while the JVMs warm up, "twice" was too little: 36 calls paid
     * for a cap of 20 with 8 in flight.)
     */
    static RunBudget sharedByTheRun(WartaProperties.Budget budget, LlmProperties llm, Supplier<Spent> readRun) {
        RunBudget[] self = new RunBudget[1];
        self[0] = new RunBudget(budget, llm, new RunWideSpending(readRun, spent -> self[0].reason(spent).isPresent()));
        return self[0];
    }

    /** The reason no more articles may be sent in this run, or empty while there is budget left. */
    Optional<String> exhausted() {
        if (budget.maxTokens() <= 0 && budget.maxCost() <= 0) {
            return Optional.empty();
        }
        return reason(this.spent.get());
    }

    private Optional<String> reason(Spent spent) {
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

    /** What the whole run has spent, read again when it may have come near the cap (see {@link #sharedByTheRun}). */
    private static final class RunWideSpending implements Supplier<Spent> {

        private static final long SECOND = 1_000_000_000L;
        /** Seconds at the run's fastest pace that must be left below the cap for a read to be skipped. */
        private static final int PACE_MARGIN = 10;

        private final Supplier<Spent> readRun;
        private final Predicate<Spent> reachesTheCap;
        private Spent last;
        private long lastAt;
        /** The start of the current pace window: the pace is measured over a second at least. */
        private Spent windowStart;
        private long windowStartAt;
        /**
         * Tokens spent per second by the whole run in its fastest second so far; null until a second with answers
         * has been measured (in the first seconds calls are in flight but none is recorded yet).
         */
        private Spent pace;

        RunWideSpending(Supplier<Spent> readRun, Predicate<Spent> reachesTheCap) {
            this.readRun = readRun;
            this.reachesTheCap = reachesTheCap;
        }

        @Override
        public synchronized Spent get() {
            long now = System.nanoTime();
            if (last == null || now - lastAt >= SECOND || pace == null
                    || reachesTheCap.test(new Spent(2 * last.promptTokens(), 2 * last.completionTokens()))
                    || reachesTheCap.test(new Spent(last.promptTokens() + PACE_MARGIN * pace.promptTokens(),
                    last.completionTokens() + PACE_MARGIN * pace.completionTokens()))) {
                last = readRun.get();
                lastAt = now;
                if (windowStart == null) {
                    windowStart = last;
                    windowStartAt = now;
                } else if (now - windowStartAt >= SECOND) {
                    double perSecond = (double) SECOND / (now - windowStartAt);
                    Spent measured = new Spent(
                            (long) Math.ceil((last.promptTokens() - windowStart.promptTokens()) * perSecond),
                            (long) Math.ceil((last.completionTokens() - windowStart.completionTokens()) * perSecond));
                    if (measured.totalTokens() > 0 && (pace == null || measured.totalTokens() > pace.totalTokens())) {
                        pace = measured;
                    }
                    windowStart = last;
                    windowStartAt = now;
                }
            }
            return last;
        }
    }
}
