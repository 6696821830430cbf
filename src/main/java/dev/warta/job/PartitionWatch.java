package dev.warta.job;

import dev.warta.store.PartitionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The manager's eye on its workers while the partitions run. A partition whose worker has not proven it is alive
 * for {@code warta.scale-out.worker-timeout} (killed, its host lost, cut off from the database) is marked lost and
 * its step execution failed in the job repository, so the manager stops waiting for it and a restart runs it again;
 * the step execution's version changes with it, so a worker that was only slow cannot write it any more. Also logs
 * how far the partitions are, every {@link #PROGRESS_EVERY}.
 */
@Component
@Conditional(ScaleOutConfiguration.ManagerMode.class)
class PartitionWatch implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionWatch.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final PartitionRepository partitions;
    private final JobRepository jobRepository;
    private final WartaProperties properties;
    private final JdbcChannelMessageStore requests;
    private volatile ScheduledExecutorService watcher;
    /** When the queue was first seen empty with partitions not yet started; 0 while that is not so. */
    private long unstartedSinceNanos;
    private volatile int lost;
    private long lastProgressNanos;

    PartitionWatch(PartitionRepository partitions, JobRepository jobRepository, WartaProperties properties,
                   JdbcChannelMessageStore partitionRequestStore) {
        this.partitions = partitions;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.requests = partitionRequestStore;
    }

    @Override
    public void beforeStep(StepExecution step) {
        long runId = step.getJobExecution().getJobParameters().getLong("runId");
        lost = 0;
        unstartedSinceNanos = 0;
        lastProgressNanos = System.nanoTime();
        long jobExecutionId = step.getJobExecutionId();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warta-partition-watch");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.scaleOut().heartbeat().toMillis();
        executor.scheduleWithFixedDelay(() -> check(runId, jobExecutionId), every, every, TimeUnit.MILLISECONDS);
        watcher = executor;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ScheduledExecutorService executor = watcher;
        watcher = null;
        if (executor != null) {
            executor.shutdown();
        }
        return step.getExitStatus();
    }

    /**
     * The run's previous manager died mid-run (its job execution is still marked running) while its workers went on:
     * they finish the partitions they run and take the requests left in the queue. Recovering the job execution at
     * once would fail the partitions under their workers (their next commit meets a changed version) and run them
     * again. So the requests still queued are dropped (the restart sends its own for every partition that has not
     * completed), and the partitions that a live worker runs are waited for; a partition whose worker is silent for
     * the worker timeout is not, and runs again. Nothing running must hold for two checks a heartbeat apart: a
     * worker that took a request just before the queue was dropped claims its partition within that time.
     */
    void awaitWorkersOfADeadManager(long runId, BooleanSupplier stopRequested) {
        requests.removeMessageGroup(ScaleOutConfiguration.REQUESTS);
        Duration every = properties.scaleOut().heartbeat();
        long lastLogNanos = 0;
        int quietChecks = 0;
        while (quietChecks < 2 && !stopRequested.getAsBoolean()) {
            List<PartitionRepository.Partition> running = partitions.runningAlive(runId,
                    properties.scaleOut().workerTimeout());
            if (running.isEmpty()) {
                quietChecks++;
            } else {
                quietChecks = 0;
                if (lastLogNanos == 0 || System.nanoTime() - lastLogNanos >= PROGRESS_EVERY.toNanos()) {
                    lastLogNanos = System.nanoTime();
                    log.info("Run {}: waiting for {} that workers still run from before the manager stopped; "
                            + "the partitions not completed then run again", runId, running.stream()
                            .map(p -> "partition " + p.partition() + " (" + p.worker() + ", " + p.written() + " of "
                                    + p.items() + " written)").collect(Collectors.joining(", ")));
                }
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many partitions were given up for lost in the last manager step. */
    int lostInLastStep() {
        return lost;
    }

    private void check(long runId, long jobExecutionId) {
        try {
            checkTakenButNeverStarted(jobExecutionId);
            Duration timeout = properties.scaleOut().workerTimeout();
            for (PartitionRepository.Partition partition : partitions.takeLost(runId, timeout,
                    "worker {worker} stopped answering (no heartbeat for " + timeout.toSeconds() + " s)")) {
                lost++;
                log.warn("Partition {}: worker {} stopped answering (no heartbeat for {} s); the partition will run "
                        + "again", partition.partition(), partition.worker(), timeout.toSeconds());
                fail(partition.stepExecutionId(), "worker " + partition.worker() + " lost");
            }
            if (System.nanoTime() - lastProgressNanos >= PROGRESS_EVERY.toNanos()) {
                lastProgressNanos = System.nanoTime();
                log.info(progress(partitions.ofRun(runId)));
            }
        } catch (RuntimeException e) {
            log.warn("Checking the workers failed (tried again in {}): {}", properties.scaleOut().heartbeat(),
                    e.getMessage());
        }
    }

    /**
     * A worker that died between taking a request from the queue and starting its step leaves no heartbeat to
     * miss: the queue is empty, yet the partition's step execution never started. After the worker timeout such
     * partitions are failed too, so that the restart sends them again.
     */
    private void checkTakenButNeverStarted(long jobExecutionId) {
        if (requests.messageGroupSize(ScaleOutConfiguration.REQUESTS) > 0) {
            unstartedSinceNanos = 0;
            return;
        }
        org.springframework.batch.core.job.JobExecution job = jobRepository.getJobExecution(jobExecutionId);
        List<StepExecution> unstarted = job == null ? List.of() : job.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(ScaleOutConfiguration.WORKER_STEP))
                .filter(step -> step.getStatus() == BatchStatus.STARTING)
                .toList();
        if (unstarted.isEmpty()) {
            unstartedSinceNanos = 0;
            return;
        }
        if (unstartedSinceNanos == 0) {
            unstartedSinceNanos = System.nanoTime();
            return;
        }
        if (System.nanoTime() - unstartedSinceNanos < properties.scaleOut().workerTimeout().toNanos()) {
            return;
        }
        for (StepExecution step : unstarted) {
            lost++;
            log.warn("{}: its request was taken but the partition never started (the worker died); it will run "
                    + "again", step.getStepName());
            fail(step.getId(), "taken by a worker that never started it");
        }
        unstartedSinceNanos = 0;
    }

    private void fail(Long stepExecutionId, String reason) {
        if (stepExecutionId == null) {
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            StepExecution step = jobRepository.getStepExecution(stepExecutionId);
            if (step == null || !step.getStatus().isRunning()) {
                return;
            }
            step.setStatus(BatchStatus.FAILED);
            step.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
            step.setEndTime(LocalDateTime.now());
            try {
                jobRepository.update(step);
                return;
            } catch (OptimisticLockingFailureException workerWroteMeanwhile) {
                // read it again and retry
            }
        }
    }

    /** "partitions: 2 running, 1 completed, 1 waiting; 150 of 200 items written" */
    static String progress(List<PartitionRepository.Partition> rows) {
        java.util.Map<String, Integer> byStatus = new java.util.TreeMap<>();
        int items = 0;
        int written = 0;
        for (PartitionRepository.Partition row : rows) {
            byStatus.merge(row.status(), 1, Integer::sum);
            items += row.items();
            written += "completed".equals(row.status()) ? row.items() : row.written();
        }
        List<String> parts = new ArrayList<>();
        byStatus.forEach((status, n) -> parts.add(n + " " + status));
        return String.format(Locale.ROOT, "partitions: %s; %d of %d items written", String.join(", ", parts),
                written, items);
    }

    /**
     * Aggregates the partitions as the repository holds them once their workers are done with them: a worker
     * decides a partition failed (articles left pending) in its last listener, a moment after Spring Batch first
     * marked the step execution complete, and the manager must not take that moment's word.
     */
    StepExecutionAggregator aggregator(StepExecutionAggregator delegate) {
        return (result, executions) -> {
            List<StepExecution> settled = new ArrayList<>();
            for (StepExecution execution : executions) {
                settled.add(settled(execution));
            }
            delegate.aggregate(result, settled);
        };
    }

    private StepExecution settled(StepExecution execution) {
        long runId = execution.getJobExecution().getJobParameters().getLong("runId");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            StepExecution fresh = jobRepository.getStepExecution(execution.getId());
            boolean rowSettled = partitions.ofRun(runId).stream()
                    .filter(row -> Long.valueOf(execution.getId()).equals(row.stepExecutionId()))
                    .noneMatch(row -> "running".equals(row.status())
                            || ("failed".equals(row.status()) && fresh != null
                            && fresh.getStatus() == BatchStatus.COMPLETED));
            if (rowSettled && fresh != null) {
                return fresh;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        StepExecution fresh = jobRepository.getStepExecution(execution.getId());
        return fresh == null ? execution : fresh;
    }

}
