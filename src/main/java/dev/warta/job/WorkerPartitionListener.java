package dev.warta.job;

import dev.warta.article.ArticleStatus;
import dev.warta.store.ArticleOutcome;
import dev.warta.store.ConnectionPools;
import dev.warta.store.PartitionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker's side of one partition: claims it in {@code warta_partition} under this worker's name (host/pid), proves
 * it is alive every {@code warta.scale-out.heartbeat} while the step runs, and records how it ended. A partition
 * whose articles were left pending (the endpoint could not be reached, the budget was spent) ends failed, with the
 * first reason, in one line: the manager reports it and a restart runs it again. One whose database connections broke
 * under it ends interrupted, and the manager runs it again at once.
 */
@Component
@Profile(WorkerCommand.PROFILE)
class WorkerPartitionListener implements StepExecutionListener, ItemWriteListener<ArticleOutcome> {

    private static final Logger log = LoggerFactory.getLogger(WorkerPartitionListener.class);

    /** This worker's name in reports: host and process id. */
    static final String WORKER = hostName() + "/" + ProcessHandle.current().pid();

    private final PartitionRepository partitions;
    private final JobRepository jobRepository;
    private final RunControl control;
    private final ProgressReporter progress;
    private final EngineSelector engines;
    private final WartaProperties properties;
    private final DataSource dataSource;

    private final AtomicInteger pending = new AtomicInteger();
    private volatile String firstPendingReason;
    private volatile boolean givenUp;
    private volatile ScheduledExecutorService heartbeat;
    /** Why this partition lost the database (a heartbeat or the end's record failed), or null. */
    private volatile String databaseLost;
    /** Counted down once a partition lost the database: the worker then exits ({@link WorkerCommand}). */
    private final CountDownLatch lostTheDatabase = new CountDownLatch(1);
    /** Counted down when no partition is running here: a stopping worker waits for it. */
    private volatile CountDownLatch idle = new CountDownLatch(0);

    WorkerPartitionListener(PartitionRepository partitions, JobRepository jobRepository, RunControl control,
                            ProgressReporter progress, EngineSelector engines, WartaProperties properties,
                            DataSource dataSource) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.jobRepository = jobRepository;
        this.control = control;
        this.progress = progress;
        this.engines = engines;
        this.properties = properties;
    }

    @Override
    public void beforeStep(StepExecution step) {
        idle = new CountDownLatch(1);
        pending.set(0);
        firstPendingReason = null;
        givenUp = false;
        databaseLost = null;
        long runId = runId(step);
        int partition = partition(step);
        JobExecution job = jobRepository.getJobExecution(step.getJobExecutionId());
        if (job == null || !job.getStatus().isRunning()) {
            // a request of a manager that has since stopped or restarted the run: its newer request is the one to run
            log.warn("Partition {} of run {}: the request is stale (the manager restarted the run); skipped",
                    partition, runId);
            step.setTerminateOnly();
            return;
        }
        partitions.claim(runId, partition, WORKER, step.getId());
        log.info("Partition {} of run {}: started by worker {}", partition, runId, WORKER);
        progress.start();
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warta-partition-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.scaleOut().heartbeat().toMillis();
        beats.scheduleAtFixedRate(() -> beat(step, runId, partition), every, every, TimeUnit.MILLISECONDS);
        heartbeat = beats;
    }

    private void beat(StepExecution step, long runId, int partition) {
        try {
            if (!beatOnAWorkingConnection(step, runId, partition) && !givenUp && step.getStatus().isRunning()) {
                givenUp = true;
                control.requestStop("the manager gave partition " + partition + " up (no heartbeat in time) "
                        + "and runs it again elsewhere");
            }
        } catch (DataAccessException e) {
            // Out of reach for the pool's whole connection timeout (30 s by default): no answer paid from now on
            // could be kept, so no new call is sent; the calls in flight end and the partition ends failed. The
            // manager, whose worker timeout is longer, finds the heartbeat silent and runs the partition again.
            if (databaseLost == null) {
                databaseLost = rootMessage(e);
                control.requestStop("the worker lost the database (" + databaseLost + ")");
                // the worker exits once the partition ends: what is left of it fails at once, not a timeout each
                ConnectionPools.closeAtOnce(dataSource);
            }
            log.warn("Partition {}: heartbeat failed: {}", partition, rootMessage(e));
        } catch (RuntimeException e) {
            // anything else must not cancel the beats (a scheduled task that throws is never run again)
            log.warn("Partition {}: heartbeat failed: {}", partition, e.toString());
        }
    }

    /**
     * One heartbeat. A database restart, a failover or a network blip breaks every pooled connection at once, and the
     * beat that meets one fails although a fresh connection would work: it is tried once more on a fresh one. Only a
     * beat that cannot get a connection, or fails on a fresh one, means the database is out of reach; the step's own
     * statements meanwhile fail, and the partition ends interrupted.
     */
    private boolean beatOnAWorkingConnection(StepExecution step, long runId, int partition) {
        return ConnectionPools.onAWorkingConnection(dataSource,
                () -> partitions.beat(runId, partition, step.getId(), step.getWriteCount()));
    }

    @Override
    public void afterWrite(Chunk<? extends ArticleOutcome> items) {
        for (ArticleOutcome outcome : items) {
            if (outcome.stored().status() == ArticleStatus.PENDING && pending.getAndIncrement() == 0) {
                firstPendingReason = outcome.stored().reason();
            }
        }
    }

    @Override
    public void onWriteError(Exception failure, Chunk<? extends ArticleOutcome> items) {
        if (ConnectionPools.brokeAConnection(failure)) {
            // a blip broke the chunk's connection, and most likely every other one the pool holds: Spring Batch's
            // record of the failed step, then this listener's, take fresh ones (the pool hands out a connection
            // used in the last half second without checking it)
            ConnectionPools.evictIdle(dataSource);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ScheduledExecutorService beats = heartbeat;
        heartbeat = null;
        if (beats != null) {
            // a beat still running after the end is recorded finds the partition no longer running, takes that
            // for the manager giving it up and stops the worker's next partition before it starts
            beats.shutdown();
            try {
                beats.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (step.getFailureExceptions().stream().anyMatch(ConnectionPools::brokeAConnection)) {
            // the step may have failed outside a write (a read, a cache lookup): its end is recorded on fresh
            // connections all the same
            ConnectionPools.evictIdle(dataSource);
        }
        try {
            return record(step);
        } finally {
            // the next partition starts afresh: no stop request (a signal stops the worker's polling first); after a
            // failed partition also a new engine, with a closed circuit. A completed partition keeps the engine:
            // building one (tokenizer, AI service) costs seconds of processor time.
            control.reset();
            if (step.getStatus() != BatchStatus.COMPLETED) {
                engines.reset();
            }
            idle.countDown();
        }
    }

    private ExitStatus record(StepExecution step) {
        long runId = runId(step);
        int partition = partition(step);
        String reason = null;
        String status;
        if (databaseLost != null) {
            return lostTheDatabase(step, runId, partition);
        }
        if (control.wrongSettings() != null) {
            reason = "the endpoint refused a setting: " + control.wrongSettings();
            step.setStatus(BatchStatus.FAILED);
            status = "failed";
        } else if (step.getStatus() == BatchStatus.COMPLETED && pending.get() > 0) {
            reason = pending.get() + " articles left pending: " + firstPendingReason;
            step.setStatus(BatchStatus.FAILED);
            status = "failed";
        } else if (step.getStatus() == BatchStatus.COMPLETED) {
            status = "completed";
        } else if (step.getStatus() == BatchStatus.STOPPED) {
            status = "stopped";
            reason = control.stopReason();
        } else if (step.getFailureExceptions().stream().anyMatch(WorkerPartitionListener::fromTheDatabase)) {
            // the database connections broke (a restart, a failover, a blip) and the worker reached the database
            // again to say so: nothing is wrong with the articles, so the manager runs the partition again at once
            status = "interrupted";
            reason = "the database connection broke: " + rootMessage(step.getFailureExceptions().get(0));
        } else {
            status = "failed";
            reason = step.getFailureExceptions().isEmpty() ? step.getExitStatus().getExitDescription()
                    : rootMessage(step.getFailureExceptions().get(0));
        }
        if (reason != null) {
            reason = reason.lines().findFirst().orElse(reason);
        }
        try {
            String ended = status;
            String why = reason;
            ConnectionPools.onAWorkingConnection(dataSource, () -> {
                partitions.finish(runId, partition, step.getId(), ended, step.getWriteCount(), why);
                return null;
            });
        } catch (DataAccessException e) {
            databaseLost = rootMessage(e);
            return lostTheDatabase(step, runId, partition);
        }
        if ("failed".equals(status)) {
            System.err.println("warta worker " + WORKER + ": partition " + partition + " of run " + runId
                    + " failed: " + reason);
            return ExitStatus.FAILED.addExitDescription(reason);
        }
        if ("interrupted".equals(status)) {
            System.err.println("warta worker " + WORKER + ": partition " + partition + " of run " + runId
                    + " interrupted: " + reason + "; the manager runs it again");
            return ExitStatus.FAILED.addExitDescription(reason);
        }
        log.info("Partition {} of run {}: {} ({} items written)", partition, runId, status, step.getWriteCount());
        return step.getExitStatus();
    }

    /**
     * The partition lost the database: nothing of its end can be recorded, so it is said in one line and the worker
     * exits. Its state (the step execution's version, the partition's claim) belongs to the database it lost; a
     * fresh process (systemd's {@code Restart=}) is the clean way back, and at its start it says in one line whether
     * the database is still out of reach. The manager finds the heartbeat silent and runs the partition again.
     */
    private ExitStatus lostTheDatabase(StepExecution step, long runId, int partition) {
        step.setStatus(BatchStatus.FAILED);
        String reason = "lost the database (" + databaseLost.lines().findFirst().orElse("") + ")";
        System.err.println("warta worker " + WORKER + ": partition " + partition + " of run " + runId + " failed: "
                + reason + "; the manager runs it again once its heartbeat is missed; this worker exits");
        lostTheDatabase.countDown();
        return ExitStatus.FAILED.addExitDescription(reason);
    }

    /** Whether a partition of this worker lost the database, within the given time. */
    boolean lostTheDatabase(long timeout, TimeUnit unit) throws InterruptedException {
        return lostTheDatabase.await(timeout, unit);
    }

    /** Waits until the partition running here (if any) has ended. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return idle.await(timeout, unit);
    }

    private static long runId(StepExecution step) {
        return step.getJobExecution().getJobParameters().getLong("runId");
    }

    private static int partition(StepExecution step) {
        return step.getExecutionContext().getInt(ScaleOutConfiguration.PARTITION_KEY);
    }

    private static boolean fromTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
