package dev.warta.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * Keeps Warta up and runs the job at every time of a cron expression (Spring's six-field form, e.g.
 * {@code 0 30 2 * * *} for 02:30 every night), for operators who keep it running instead of using cron.
 */
final class NightlySchedule {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    private final String expression;
    private final CronExpression cron;

    /** @throws IllegalArgumentException with a message for the operator when the expression is not a cron */
    NightlySchedule(String expression) {
        this.expression = expression;
        try {
            this.cron = CronExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warta.schedule '" + expression + "' is not a cron expression (six "
                    + "fields, e.g. '0 30 2 * * *'): " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code oneRun} at every time of the schedule until the schedule ends, the thread is interrupted, or
     * {@code stop} says so after a run (it cannot start, or it lost the database: a later time will not help, a fresh
     * process might).
     *
     * @return the exit code of the last run
     */
    int runUntilEnd(IntSupplier oneRun, IntPredicate stop) throws InterruptedException {
        int exitCode = 0;
        while (!Thread.currentThread().isInterrupted()) {
            LocalDateTime next = cron.next(LocalDateTime.now());
            if (next == null) {
                log.info("The schedule '{}' names no further time: stopping", expression);
                return exitCode;
            }
            log.info("Next run at {}", next);
            Thread.sleep(Math.max(0, Duration.between(LocalDateTime.now(), next).toMillis()));
            exitCode = oneRun.getAsInt();
            log.info("Run finished with exit code {}", exitCode);
            if (stop.test(exitCode)) {
                return exitCode;
            }
        }
        return exitCode;
    }
}
