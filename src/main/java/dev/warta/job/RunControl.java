package dev.warta.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Lets an operator's signal stop a running step cleanly. {@link #requestStop} marks the step execution
 * terminate-only: the chunk in flight finishes and commits, then Spring Batch ends the step and the job as
 * {@code STOPPED}, and the next run restarts from the last committed chunk.
 */
@Component
class RunControl implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunControl.class);

    private volatile StepExecution running;
    private volatile String stopReason;
    private volatile String wrongSettings;
    private volatile String databaseLost;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        running = stepExecution;
        if (stopReason != null) {
            stepExecution.setTerminateOnly();
        }
    }

    /** Before each scheduled run: the previous run's stop request does not carry over. */
    void reset() {
        stopReason = null;
        wrongSettings = null;
        databaseLost = null;
        running = null;
    }

    void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
            log.warn("Stopping after the articles in flight: {}", reason);
        }
        StepExecution step = running;
        if (step != null) {
            step.setTerminateOnly();
        }
    }

    /**
     * The endpoint rejected a setting (key, URL, model): every other article would fail the same way, so the run
     * stops after the articles in flight, which are left pending.
     */
    void stopForWrongSettings(String cause) {
        if (wrongSettings == null) {
            wrongSettings = cause;
        }
        requestStop(cause);
    }

    /**
     * The run lost its database (out of reach for the pool's whole connection timeout): nothing more can be recorded,
     * so the run stops, and the process says so in one line and exits.
     */
    void stopForLostDatabase(String cause) {
        if (databaseLost == null) {
            databaseLost = cause;
        }
        requestStop("lost the database (" + cause + ")");
    }

    /** Why the run lost its database, when it did; else null. */
    String databaseLost() {
        return databaseLost;
    }

    /** What the endpoint rejected, when it stopped the run; else null. */
    String wrongSettings() {
        return wrongSettings;
    }

    boolean stopRequested() {
        return stopReason != null;
    }

    String stopReason() {
        return stopReason;
    }
}
