package dev.warta.job;

import dev.warta.llm.LlmProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget of a scale-out run, whose spending the other workers raise behind this process's back: read seldom
 * while the cap is far, before every call once the run's pace could reach it.
 */
class RunBudgetTest {

    private static final LlmProperties LLM = new LlmProperties(null, null, "gpt-4o-mini", 0.2, Duration.ofSeconds(10),
            0, Duration.ofMillis(10), 2000, 1, 0, 0, 5, Map.of(), false, "sync", null, "sync", "stop",
            Duration.ofSeconds(30));

    private final AtomicLong spentByTheRun = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    private RunBudget budgetOf(long maxTokens) {
        return RunBudget.sharedByTheRun(new WartaProperties.Budget(maxTokens, 0), LLM, () -> {
            reads.incrementAndGet();
            return new RunBudget.Spent(spentByTheRun.get(), 0);
        });
    }

    /** A second of the run's spending: 1,000 tokens, by the other workers as well as this one. */
    private void aSecondAtAThousandTokens(RunBudget budget) throws InterruptedException {
        assertThat(budget.exhausted()).isEmpty();
        Thread.sleep(1_050);
        spentByTheRun.set(1_000);
        assertThat(budget.exhausted()).isEmpty();
    }

    @Test
    void farFromTheCapTheRunsSpendingIsReadAboutOnceASecond() throws Exception {
        RunBudget budget = budgetOf(1_000_000);
        aSecondAtAThousandTokens(budget);

        reads.set(0);
        for (int call = 0; call < 100; call++) {
            spentByTheRun.addAndGet(10);
            assertThat(budget.exhausted()).isEmpty();
        }
        assertThat(reads.get()).isLessThanOrEqualTo(1);
    }

    @Test
    void onceTenSecondsAtTheRunsFastestPaceCouldReachTheCapEveryCallSeesWhatTheOtherWorkersSpent()
            throws Exception {
        RunBudget budget = budgetOf(5_000);
        aSecondAtAThousandTokens(budget);

        // 1,000 spent (less than half), about 1,000 a second: ten seconds at this pace could reach 5,000 (still so
        // if the "second" took up to 2.5 s on a busy machine); the next call reads again, and sees that another
        // worker's answers, recorded a moment ago, spent the rest
        spentByTheRun.set(5_000);
        assertThat(budget.exhausted()).hasValueSatisfying(reason ->
                assertThat(reason).contains("run budget reached: 5000 of 5000 tokens"));
    }

    @Test
    void onceHalfTheCapIsSpentEveryCallReads() throws Exception {
        RunBudget budget = budgetOf(1_000_000);
        aSecondAtAThousandTokens(budget);
        spentByTheRun.set(500_000);
        Thread.sleep(1_050);
        assertThat(budget.exhausted()).isEmpty();   // a second went by: read, half the cap is spent

        reads.set(0);
        for (int call = 0; call < 10; call++) {
            assertThat(budget.exhausted()).isEmpty();
        }
        assertThat(reads.get()).isEqualTo(10);
    }

    @Test
    void whileNoAnswerHasBeenRecordedThePaceIsUnknownAndEveryCallReads() throws Exception {
        RunBudget budget = budgetOf(1_000_000);
        assertThat(budget.exhausted()).isEmpty();
        Thread.sleep(1_050);
        // the first calls are still in flight: nothing recorded in the first second
        reads.set(0);
        for (int call = 0; call < 10; call++) {
            assertThat(budget.exhausted()).isEmpty();
        }
        assertThat(reads.get()).isEqualTo(10);
    }

    @Test
    void withoutACapNothingIsRead() {
        RunBudget budget = budgetOf(0);
        spentByTheRun.set(Long.MAX_VALUE / 2);
        assertThat(budget.exhausted()).isEmpty();
        assertThat(reads.get()).isZero();
    }
}
