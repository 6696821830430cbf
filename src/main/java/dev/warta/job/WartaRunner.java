package dev.warta.job;

import dev.warta.article.ArticleStatus;
import dev.warta.article.TranslationEngine;
import dev.warta.export.RunExporter;
import dev.warta.export.RunSummary;
import dev.warta.llm.LlmProperties;
import dev.warta.llm.http.CallMetrics;
import dev.warta.search.AnalystCommands;
import dev.warta.store.ArticleRepository;
import dev.warta.store.ConnectionPools;
import dev.warta.store.LlmBatchRepository;
import dev.warta.store.ModelCallRepository;
import dev.warta.store.RunLock;
import dev.warta.store.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import dev.warta.store.PartitionRepository;
import dev.warta.store.SqlDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Runs the translation job once per start of the application, or, with {@code warta.schedule}, at every time of a
 * cron expression ({@link NightlySchedule}): checks the settings, takes the database's run lock
 * ({@link RunLockLease}), resumes the same day's unfinished run or registers a new one, starts the job, then
 * records the run's end, writes {@code run.json}, prints the end-of-run table and sets the exit code. A SIGTERM or
 * Ctrl-C lets the articles in flight finish and stops the job cleanly ({@link GracefulStop}), so the next run
 * resumes it.
 * <p>
 * Exit codes: 0 every article delivered; 1 some article failed or is pending; 2 the run could not start (a setting
 * is missing or wrong); 3 the job itself failed; 4 another run holds the database; 5 stopped before the end
 * (by a signal the process exits with the signal's usual code, 130 or 143, instead).
 */
@Component
@ConditionalOnNotWebApplication   // `serve` starts the web app only; the job runs from its own command
@org.springframework.context.annotation.Profile("!" + WorkerCommand.PROFILE)   // a worker runs partitions only
class WartaRunner implements ApplicationRunner, ExitCodeGenerator {

    static final int ALL_DELIVERED = 0;
    static final int SOME_NOT_DELIVERED = 1;
    static final int CANNOT_START = 2;
    static final int JOB_FAILED = 3;
    static final int ANOTHER_RUN_ACTIVE = 4;
    static final int STOPPED = 5;

    private static final Logger log = LoggerFactory.getLogger(WartaRunner.class);

    private final WartaProperties properties;
    private final LlmProperties llm;
    private final EngineSelector engines;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job translationJob;
    private final RunRepository runs;
    private final RunLock lock;
    private final ArticleRepository articles;
    private final RunExporter exporter;
    private final RunControl control;
    private final ProgressReporter progress;
    private final ModelCallRepository modelCalls;
    private final LlmBatchRepository batches;
    private final ObjectProvider<Job> partitionedJob;
    private final PartitionRepository partitions;
    private final ObjectProvider<PartitionWatch> partitionWatch;
    private final JdbcTemplate jdbc;
    private int exitCode;

    WartaRunner(WartaProperties properties, LlmProperties llm, EngineSelector engines, JobOperator jobOperator,
                JobRepository jobRepository, Job translationJob, RunRepository runs, RunLock lock,
                ArticleRepository articles, RunExporter exporter, RunControl control, ProgressReporter progress,
                ModelCallRepository modelCalls, LlmBatchRepository batches,
                @Qualifier(ScaleOutConfiguration.JOB_NAME) ObjectProvider<Job> partitionedJob,
                PartitionRepository partitions, ObjectProvider<PartitionWatch> partitionWatch, JdbcTemplate jdbc) {
        this.properties = properties;
        this.llm = llm;
        this.engines = engines;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.translationJob = translationJob;
        this.runs = runs;
        this.lock = lock;
        this.articles = articles;
        this.exporter = exporter;
        this.control = control;
        this.progress = progress;
        this.modelCalls = modelCalls;
        this.batches = batches;
        this.partitionedJob = partitionedJob;
        this.partitions = partitions;
        this.partitionWatch = partitionWatch;
        this.jdbc = jdbc;
    }

    /** A manager of a scale-out run: the job whose partitions worker processes run (docs/scale-out.md). */
    private boolean scaledOut() {
        return properties.partitions() > 0;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (AnalystCommands.isCommand(args)) {
            return;
        }
        if (properties.schedule() == null || properties.schedule().isBlank()) {
            exitCode = runOnce(args.containsOption("force"));
            return;
        }
        NightlySchedule schedule;
        try {
            schedule = new NightlySchedule(properties.schedule());
        } catch (IllegalArgumentException e) {
            exitCode = cannotStart(e.getMessage());
            return;
        }
        exitCode = schedule.runUntilEnd(() -> {
            engines.reset();
            control.reset();
            return runOnce(false);
        }, code -> code == CANNOT_START || control.databaseLost() != null);
    }

    /** One run: the checks, the lock, the job and its report. Returns the exit code. */
    private int runOnce(boolean force) {
        Path input = properties.input();
        if (!Files.isDirectory(input)) {
            return cannotStart("Input folder not found: " + input.toAbsolutePath() + " (set --input=DIR).");
        }
        if (scaledOut() && SqlDialect.of(jdbc) != SqlDialect.POSTGRESQL) {
            return cannotStart("warta.partitions needs a database that the workers share: PostgreSQL "
                    + "(--spring.datasource.url=jdbc:postgresql://HOST:PORT/DB). An H2 file serves one process.");
        }
        TranslationEngine engine;
        try {
            engine = engines.engine();
        } catch (EngineUnavailableException e) {
            return cannotStart(e.getMessage());
        }
        try (RunLockLease lease = RunLockLease.take(lock, control, "warta run on " + input);
             GracefulStop onSignal = GracefulStop.install(control)) {
            return runJob(engine, input, force);
        } catch (RunLockLease.HeldElsewhere e) {
            System.err.println("warta: another run is using this database: " + e.getMessage()
                    + ". Wait for it to finish, or point --spring.datasource.url elsewhere.");
            return ANOTHER_RUN_ACTIVE;
        } catch (RuntimeException e) {
            if (control.databaseLost() == null) {
                throw e;
            }
            return lostTheDatabase();
        }
    }

    private int runJob(TranslationEngine engine, Path input, boolean force) {
        LocalDate runDate = properties.runDate() == null || properties.runDate().isBlank()
                ? LocalDate.now() : LocalDate.parse(properties.runDate());
        Path output = properties.output();
        Instant started = Instant.now();
        Optional<Long> resumable = runs.findResumable(runDate, input.toString(), output.toString());
        long runId = resumable.orElseGet(() ->
                runs.start(runDate, input.toString(), output.toString(), engine.name(), engines.modelName()));
        JobParameters parameters = new JobParametersBuilder()
                .addLong("runId", runId)
                .addString("input", input.toString(), false)
                .addString("output", output.toString(), false)
                .addString("runDate", runDate.toString(), false)
                .addString("force", Boolean.toString(force), false)
                // not identifying: a run resumed with a raised cap is the same run
                .addLong(TranslationJobConfiguration.BUDGET_MAX_TOKENS, properties.budget().maxTokens(), false)
                .addDouble(TranslationJobConfiguration.BUDGET_MAX_COST, properties.budget().maxCost(), false)
                .toJobParameters();
        BatchStatus jobStatus;
        Throwable failure = null;
        JobExecution last = resumable.isPresent() ? resume(runId, parameters) : null;
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            // The job had completed but the process died before it recorded the run's end: export and record now.
            log.info("Run {} had completed its job; recording its end", runId);
            exporter.exportRun(runId, runDate, output);
            jobStatus = BatchStatus.COMPLETED;
        } else {
            progress.start();
            JobExecution execution = afterTheJob(startJob(parameters));
            // The same run goes on at once, here, when this process's database connections broke (a restart, a
            // failover, a blip: nothing is wrong with the articles), and in a scale-out run when a partition's
            // worker died or its connections broke, on the workers that are there. Not a partition whose articles
            // were left pending: the endpoint or the budget would stop it again, and the operator decides.
            int restarts = properties.scaleOut().restarts();
            for (int restart = 1; restart <= restarts && execution.getStatus() == BatchStatus.FAILED
                    && !control.stopRequested(); restart++) {
                String broken = brokenConnection(execution);
                if (broken != null) {
                    log.warn("The database connections broke ({}); {} (restart {} of {})", broken, scaledOut()
                            ? "the partitions that workers run are waited for, then the rest run again"
                            : "the run goes on from its last committed chunk", restart, restarts);
                    if (scaledOut()) {
                        partitionWatch.getObject().awaitWorkersOfADeadManager(runId, control::stopRequested);
                    }
                    recoverIfRecordedRunning(execution);
                } else if (scaledOut() && (partitionWatch.getObject().lostInLastStep() > 0
                        || partitions.anyInterrupted(runId))) {
                    log.warn("Running the partitions of lost or interrupted workers again (restart {} of {})",
                            restart, restarts);
                } else {
                    break;
                }
                execution = afterTheJob(startJob(parameters));
            }
            progress.finish();
            if (control.databaseLost() != null) {
                return lostTheDatabase();   // nothing of the run's end can be written
            }
            jobStatus = execution.getStatus();
            failure = execution.getAllFailureExceptions().isEmpty() ? null
                    : execution.getAllFailureExceptions().get(0);
            if (jobStatus != BatchStatus.COMPLETED) {
                // the export step did not run: still give the desk the files of what was committed
                exporter.exportRun(runId, runDate, output);
            }
        }
        Instant finished = Instant.now();
        String status = status(jobStatus);
        ArticleRepository.RunCounts counts = articles.countRun(runId);
        RunSummary summary = new RunSummary(runId, runDate.toString(), started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, status, message(status, runId, counts),
                engine.name(), engines.modelName(), RunSummary.count(counts), calls(runId), partitionReports(runId));
        exporter.exportRunSummary(summary, output);
        runs.finish(runId, status, RunExporter.summaryJson(summary));
        System.out.println(summary.table());
        if (control.wrongSettings() != null) {
            // the job was stopped on purpose: the endpoint refused a setting, and the operator must fix it
            return cannotStart(control.wrongSettings());
        }
        if ("stopped".equals(status)) {
            return STOPPED;   // a stop shows up as a JobInterruptedException: not a failure
        }
        if (failure != null && summary.partitions().stream().anyMatch(p -> !"completed".equals(p.status()))) {
            // the workers' trouble (endpoint, budget, a worker lost for good), each partition's reason in the table
            return SOME_NOT_DELIVERED;
        }
        if (failure != null) {
            log.error("The job failed: {}", failure.toString());
            return JOB_FAILED;
        }
        return summary.allDelivered() ? ALL_DELIVERED : SOME_NOT_DELIVERED;
    }

    private JobExecution startJob(JobParameters parameters) {
        if (scaledOut()) {
            // an outage that opened the circuit for this run earlier is no verdict on this attempt, nor its count
            jdbc.update("UPDATE warta_endpoint_limit SET circuit_run_id = NULL, circuit_reason = NULL "
                    + "WHERE circuit_run_id = ?", parameters.getLong("runId"));
            jdbc.update("UPDATE warta_endpoint_limit SET consecutive_failures = 0 WHERE failures_run_id = ?",
                    parameters.getLong("runId"));
        }
        try {
            return jobOperator.start(scaledOut() ? partitionedJob.getObject() : translationJob, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("the job could not be started: " + e.getMessage(), e);
        }
    }

    /**
     * The job has returned. If a database connection broke under it (a restart, a failover, a blip), every other
     * connection the pool holds most likely broke too, and the pool hands out one used in the last half second
     * without checking it: they are evicted, so that recording the run's end, or running the job again, gets fresh
     * ones.
     */
    private JobExecution afterTheJob(JobExecution execution) {
        if (execution.getAllFailureExceptions().stream().anyMatch(ConnectionPools::brokeAConnection)) {
            ConnectionPools.evictIdle(jdbc.getDataSource());
        }
        return settleUnknown(execution);
    }

    /**
     * Why a step of this process (not a scale-out worker's partition) failed, if its database connection broke
     * under it; {@code null} otherwise.
     */
    private static String brokenConnection(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> !step.getStepName().startsWith(ScaleOutConfiguration.WORKER_STEP))
                .flatMap(step -> step.getFailureExceptions().stream())
                .filter(ConnectionPools::brokeAConnection)
                .map(failure -> NestedExceptionUtils.getMostSpecificCause(failure).toString())
                .findFirst().orElse(null);
    }

    /**
     * The job's end, or that of the steps of partitions that no worker took, may not have been recorded when the
     * connections broke: they are still recorded as running, which Spring Batch refuses to restart. They are
     * marked failed, as after a process killed mid-run.
     */
    private void recoverIfRecordedRunning(JobExecution execution) {
        JobExecution recorded = jobRepository.getJobExecution(execution.getId());
        if (recorded != null && (recorded.getStatus().isRunning()
                || recorded.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning()))) {
            jobOperator.recover(recorded);
        }
    }

    /**
     * A run that did not record its end: mark it running again. Its last job execution, if the process was killed
     * while it ran, is still marked as running; it is marked failed so that Spring Batch restarts it (after the
     * partitions that workers of a scale-out run still run have ended).
     *
     * @return the run's last job execution, {@code null} when it has none
     */
    private JobExecution resume(long runId, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(
                scaledOut() ? ScaleOutConfiguration.JOB_NAME : TranslationJobConfiguration.JOB_NAME, parameters);
        log.info("Resuming run {} from where it stopped", runId);
        if (last != null && last.getStatus().isRunning()) {
            if (scaledOut()) {
                // the workers outlived the manager: what they run is kept, not failed under them
                partitionWatch.getObject().awaitWorkersOfADeadManager(runId, control::stopRequested);
                last = jobRepository.getJobExecution(last.getId());   // their step executions changed meanwhile
            }
            jobOperator.recover(last);
        }
        if (last != null) {
            last = settleUnknown(last);
        }
        runs.markRunning(runId);
        return last;
    }

    /**
     * The run lost its database mid-way (the run lock's heartbeat found it out of reach and closed the pool): one line
     * for the operator, and exit 3. What was committed stays; the next start resumes the same run. A scale-out run's
     * workers carry on with the partitions they run, and the next start waits for them.
     */
    private int lostTheDatabase() {
        System.err.println("warta: lost the database (" + control.databaseLost() + "); the run stopped. What was "
                + "committed stays: run it again once the database is back, and it goes on where it stopped.");
        return JOB_FAILED;
    }

    /**
     * Spring Batch marks a step UNKNOWN when it could not record the step's end (the database connection broke just
     * then: a restart, a failover, a blip), and the job with it, and refuses to run either again: it cannot know
     * what the step had committed. Warta can: an article's outcome and its work item are written in the chunk's one
     * transaction, so running the step again skips what was committed and redoes the rest, as after a kill -9 (which
     * leaves the same doubt, and which Spring Batch does restart). So such steps and their job are marked failed, and
     * the run goes on instead of waiting for someone to edit the job repository by hand.
     *
     * @return the same job execution, its status as the repository now holds it
     */
    private JobExecution settleUnknown(JobExecution execution) {
        JobExecution fresh = jobRepository.getJobExecution(execution.getId());
        if (fresh == null) {
            return execution;
        }
        boolean settled = false;
        for (StepExecution step : fresh.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN) {
                log.warn("{}: its end could not be recorded (the database connection broke); marked failed, so that "
                        + "it runs again from its last committed chunk", step.getStepName());
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("its end could not be recorded"));
                jobRepository.update(step);
                settled = true;
            }
        }
        if (fresh.getStatus() == BatchStatus.UNKNOWN) {
            fresh.setStatus(BatchStatus.FAILED);
            fresh.setExitStatus(ExitStatus.FAILED.addExitDescription("a step's end could not be recorded"));
            jobRepository.update(fresh);
            settled = true;
        }
        if (settled) {
            execution.setStatus(fresh.getStatus());   // the failures it met stay with it, for the report
        }
        return execution;
    }

    /** The partitions of a scale-out run for run.json and the end table; none for a run in one process. */
    private java.util.List<RunSummary.Partition> partitionReports(long runId) {
        if (!scaledOut()) {
            return java.util.List.of();
        }
        return partitions.ofRun(runId).stream()
                .map(p -> new RunSummary.Partition(p.partition(), p.items(), p.status(), p.worker(), p.attempts(),
                        p.written(), p.reason(), p.earlierFailures()))
                .toList();
    }

    private String status(BatchStatus status) {
        if (control.wrongSettings() != null) {
            return "failed";
        }
        if (status == BatchStatus.STOPPED || control.stopRequested()) {
            return "stopped";
        }
        return status == BatchStatus.COMPLETED ? "completed" : "failed";
    }

    private String message(String status, long runId, ArticleRepository.RunCounts counts) {
        if (control.wrongSettings() != null) {
            return "Stopped at the first answer: " + control.wrongSettings() + ". Fix the setting and run again; "
                    + "the articles are left pending and lose no attempt.";
        }
        if ("stopped".equals(status)) {
            return "Stopped: " + control.stopReason() + ". Run again to continue where it stopped.";
        }
        java.util.List<String> failedPartitions = scaledOut() ? partitions.ofRun(runId).stream()
                .filter(p -> !"completed".equals(p.status()))
                .map(p -> p.partition() + (p.reason() == null ? " (" + p.status() + ")" : " (" + p.reason() + ")"))
                .toList() : java.util.List.of();
        if (!failedPartitions.isEmpty() && !"completed".equals(status)) {
            return "Partitions not finished: " + String.join("; ", failedPartitions)
                    + ". Run the manager again to run them again.";
        }
        if (counts.of(ArticleStatus.PENDING) == 0) {
            return null;
        }
        return articles.firstPendingReason(runId)
                .map(reason -> "Not finished: " + reason + ". The next run picks up the pending articles.")
                .orElse(null);
    }

    /**
     * What the run asked of the endpoint, from the calls recorded as they happened: those of an earlier process
     * of the same run (killed, stopped) included. Latencies are this process's.
     */
    private RunSummary.Calls calls(long runId) {
        ModelCallRepository.Totals totals = modelCalls.totals(runId);
        CallMetrics.Snapshot http = engines.metrics().snapshot();
        boolean called = totals.calls() > 0;
        boolean timed = http.calls() > 0;
        RunSummary.BatchUse batch = batchUse(runId);
        Double cost = called ? llm.cost(totals.promptTokens(), totals.completionTokens()) : null;
        if (batch != null && batch.costUsd() != null) {
            cost = (cost == null ? 0 : cost) + batch.costUsd();
        }
        return new RunSummary.Calls(totals.calls(), totals.retries(), totals.promptTokens(),
                totals.completionTokens(), totals.estimatedTokens(), totals.reusedAnswers(), cost,
                timed ? http.p50Millis() : null, timed ? http.p95Millis() : null, batch);
    }

    /** The run's batches in one entry of the summary, or null when it had none. */
    private RunSummary.BatchUse batchUse(long runId) {
        // a row with no batch id was never made a batch (refused, or uploaded by a process killed just then)
        List<LlmBatchRepository.Batch> mine = batches.ofRun(runId).stream()
                .filter(batch -> batch.batchId() != null).toList();
        if (mine.isEmpty()) {
            return null;
        }
        LlmBatchRepository.Batch last = mine.get(mine.size() - 1);
        long prompt = mine.stream().mapToLong(LlmBatchRepository.Batch::promptTokens).sum();
        long completion = mine.stream().mapToLong(LlmBatchRepository.Batch::completionTokens).sum();
        Double cost = llm.batchCost(prompt, completion);
        Double sync = llm.cost(prompt, completion);
        Instant uploaded = mine.get(0).uploadedAt();
        Instant ended = last.endedAt();
        return new RunSummary.BatchUse(mine.stream().map(LlmBatchRepository.Batch::batchId).toList(), last.status(), mine.stream().mapToInt(LlmBatchRepository.Batch::requestCount).sum(),
                mine.stream().mapToInt(b -> b.answered() == null ? 0 : b.answered()).sum(), prompt, completion, cost,
                cost == null || sync == null ? null : sync - cost, uploaded.toString(),
                ended == null ? null : ended.toString(),
                ended == null ? null : Duration.between(uploaded, ended).toMillis() / 1000.0);
    }

    private static int cannotStart(String message) {
        System.err.println("warta: " + message);
        return CANNOT_START;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
