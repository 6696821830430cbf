package dev.warta.job;

import dev.warta.WartaApplication;
import dev.warta.article.TranslationEngine;
import dev.warta.llm.LlmProperties;
import dev.warta.llm.http.CallMetrics;
import dev.warta.digest.DigestWriter;
import dev.warta.search.AnalystCommands;
import dev.warta.store.ArticleRepository;
import dev.warta.store.ArticleRepository.RunItem;
import dev.warta.store.Json;
import dev.warta.store.ModelCallRepository;
import dev.warta.store.OutputFiles;
import dev.warta.store.RunLock;
import dev.warta.store.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the translation job once per start of the application, or, with {@code warta.schedule}, at every time of a
 * cron expression: checks the settings, takes the database's run lock, resumes the same day's unfinished run or
 * registers a new one, starts the job, then writes {@code run.json} and the digest, prints the end-of-run table and
 * sets the exit code. A SIGTERM or Ctrl-C lets the articles in flight finish and stops the job cleanly, so the next
 * run resumes it.
 * <p>
 * Exit codes: 0 every article delivered; 1 some article failed or is pending; 2 the run could not start (a setting
 * is missing or wrong); 3 the job itself failed; 4 another run holds the database; 5 stopped before the end
 * (by a signal the process exits with the signal's usual code, 130 or 143, instead).
 */
@Component
class WartaRunner implements ApplicationRunner, ExitCodeGenerator {

    static final int ALL_DELIVERED = 0;
    static final int SOME_NOT_DELIVERED = 1;
    static final int CANNOT_START = 2;
    static final int JOB_FAILED = 3;
    static final int ANOTHER_RUN_ACTIVE = 4;
    static final int STOPPED = 5;

    private static final Logger log = LoggerFactory.getLogger(WartaRunner.class);
    private static final Duration GRACE_ON_SIGNAL = Duration.ofMinutes(3);

    private final WartaProperties properties;
    private final LlmProperties llm;
    private final EngineSelector engines;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job translationJob;
    private final RunRepository runs;
    private final RunLock lock;
    private final ArticleRepository articles;
    private final RunControl control;
    private final ProgressReporter progress;
    private final ModelCallRepository modelCalls;
    private int exitCode;

    WartaRunner(WartaProperties properties, LlmProperties llm, EngineSelector engines, JobOperator jobOperator,
                JobRepository jobRepository, Job translationJob, RunRepository runs, RunLock lock,
                ArticleRepository articles, RunControl control, ProgressReporter progress,
                ModelCallRepository modelCalls) {
        this.properties = properties;
        this.llm = llm;
        this.engines = engines;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.translationJob = translationJob;
        this.runs = runs;
        this.lock = lock;
        this.articles = articles;
        this.control = control;
        this.progress = progress;
        this.modelCalls = modelCalls;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (AnalystCommands.isCommand(args)) {
            return;
        }
        if (properties.schedule() != null && !properties.schedule().isBlank()) {
            runOnSchedule(properties.schedule());
        } else {
            exitCode = runOnce(args.containsOption("force"));
        }
    }

    /**
     * Stays up and runs the job at every time the cron expression names (Spring's six-field form, e.g.
     * {@code 0 30 2 * * *} for 02:30 every night), for operators who keep Warta running instead of using cron.
     */
    private void runOnSchedule(String schedule) throws Exception {
        CronExpression cron;
        try {
            cron = CronExpression.parse(schedule);
        } catch (IllegalArgumentException e) {
            exitCode = cannotStart("warta.schedule '" + schedule + "' is not a cron expression (six fields, e.g. "
                    + "'0 30 2 * * *'): " + e.getMessage());
            return;
        }
        while (!Thread.currentThread().isInterrupted()) {
            LocalDateTime next = cron.next(LocalDateTime.now());
            if (next == null) {
                log.info("The schedule '{}' names no further time: stopping", schedule);
                return;
            }
            log.info("Next run at {}", next);
            Thread.sleep(Math.max(0, Duration.between(LocalDateTime.now(), next).toMillis()));
            engines.reset();
            control.reset();
            int code = runOnce(false);
            log.info("Run finished with exit code {}", code);
            exitCode = code;
            if (code == CANNOT_START) {
                return;
            }
        }
    }

    /** One run: the checks, the lock, the job and its report. Returns the exit code. */
    private int runOnce(boolean force) throws Exception {
        Path input = properties.input();
        if (!Files.isDirectory(input)) {
            return cannotStart("Input folder not found: " + input.toAbsolutePath() + " (set --input=DIR).");
        }
        TranslationEngine engine;
        try {
            engine = engines.engine();
        } catch (EngineUnavailableException e) {
            return cannotStart(e.getMessage());
        }
        Optional<String> holder = lock.acquire("warta run on " + input);
        if (holder.isPresent()) {
            System.err.println("warta: another run is using this database: " + holder.get()
                    + ". Wait for it to finish, or point --spring.datasource.url elsewhere.");
            return ANOTHER_RUN_ACTIVE;
        }
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warta-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(lock::heartbeat, 20, 20, TimeUnit.SECONDS);
        CountDownLatch finished = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> stopGracefully(finished), "warta-graceful-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return runJob(engine, input, force);
        } finally {
            heartbeat.shutdownNow();
            lock.release();
            finished.countDown();
            removeHook(onSignal);
        }
    }

    private int runJob(TranslationEngine engine, Path input, boolean force) throws Exception {
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
                .toJobParameters();
        if (resumable.isPresent()) {
            resume(runId, parameters);
        }
        progress.start();
        JobExecution execution = jobOperator.start(translationJob, parameters);
        progress.finish();
        Instant finished = Instant.now();

        List<RunItem> items = articles.findByRun(runId);
        String status = status(execution);
        RunSummary summary = new RunSummary(runId, runDate.toString(), started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, status, message(status, items),
                engine.name(), engines.modelName(), RunSummary.count(items), calls(runId), RunSummary.entries(items));
        String summaryJson = Json.write(summary);
        OutputFiles outputFiles = new OutputFiles(output);
        OutputFiles.writeAtomically(outputFiles.dayFolder(runDate.toString()).resolve("run.json"), summaryJson);
        runs.finish(runId, status, summaryJson);
        new DigestWriter().write(runDate, articles.findByRunDate(runDate), outputFiles.dayFolder(runDate.toString()));
        System.out.println(summary.table());
        if (control.wrongSettings() != null) {
            // the job was stopped on purpose: the endpoint refused a setting, and the operator must fix it
            return cannotStart(control.wrongSettings());
        }
        if (!execution.getAllFailureExceptions().isEmpty()) {
            log.error("The job failed: {}", execution.getAllFailureExceptions().get(0).toString());
            return JOB_FAILED;
        }
        if ("stopped".equals(status)) {
            return STOPPED;
        }
        return summary.allDelivered() ? ALL_DELIVERED : SOME_NOT_DELIVERED;
    }

    /** A run killed while running left its execution marked as running: mark it failed so it can restart. */
    private void resume(long runId, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(TranslationJobConfiguration.JOB_NAME, parameters);
        if (last != null && last.getStatus().isRunning()) {
            jobOperator.recover(last);
        }
        runs.markRunning(runId);
        log.info("Resuming run {} from where it stopped", runId);
    }

    private String status(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (control.wrongSettings() != null) {
            return "failed";
        }
        if (status == BatchStatus.STOPPED || control.stopRequested()) {
            return "stopped";
        }
        return status == BatchStatus.COMPLETED ? "completed" : "failed";
    }

    private String message(String status, List<RunItem> items) {
        if (control.wrongSettings() != null) {
            return "Stopped at the first answer: " + control.wrongSettings() + ". Fix the setting and run again; "
                    + "the articles are left pending and lose no attempt.";
        }
        if ("stopped".equals(status)) {
            return "Stopped: " + control.stopReason() + ". Run again to continue where it stopped.";
        }
        return items.stream()
                .filter(item -> item.stored().status() == dev.warta.article.ArticleStatus.PENDING)
                .map(item -> "Not finished: " + item.stored().reason() + ". The next run picks up the pending articles.")
                .findFirst().orElse(null);
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
        return new RunSummary.Calls(totals.calls(), totals.retries(), totals.promptTokens(),
                totals.completionTokens(), totals.estimatedTokens(), totals.reusedAnswers(),
                called ? llm.cost(totals.promptTokens(), totals.completionTokens()) : null,
                timed ? http.p50Millis() : null, timed ? http.p95Millis() : null);
    }

    /** Runs on SIGTERM/Ctrl-C: let the chunk in flight finish and commit, then let the JVM exit. */
    private void stopGracefully(CountDownLatch finished) {
        if (finished.getCount() == 0) {
            return;
        }
        control.requestStop("stopped by a signal (SIGTERM or Ctrl-C)");
        try {
            if (!finished.await(GRACE_ON_SIGNAL.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("warta: the articles in flight did not finish within " + GRACE_ON_SIGNAL
                        + "; exiting anyway. The next run redoes them.");
                return;
            }
            WartaApplication.CLOSED.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting because of a signal: the hook is running and returns at once.
        }
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
