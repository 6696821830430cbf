package dev.warta.job;

import dev.warta.article.TranslationEngine;
import dev.warta.store.ArticleRepository;
import dev.warta.store.Json;
import dev.warta.store.OutputFiles;
import dev.warta.store.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Runs the translation job once per start of the application: checks the settings, registers the run, starts the
 * job, then writes {@code run.json}, prints the end-of-run table and sets the exit code.
 * <p>
 * Exit codes: 0 every article delivered; 1 some article failed or is pending; 2 the run could not start (a setting
 * is missing or wrong); 3 the job itself failed.
 */
@Component
class WartaRunner implements ApplicationRunner, ExitCodeGenerator {

    static final int ALL_DELIVERED = 0;
    static final int SOME_NOT_DELIVERED = 1;
    static final int CANNOT_START = 2;
    static final int JOB_FAILED = 3;

    private static final Logger log = LoggerFactory.getLogger(WartaRunner.class);

    private final WartaProperties properties;
    private final EngineSelector engines;
    private final JobOperator jobOperator;
    private final Job translationJob;
    private final RunRepository runs;
    private final ArticleRepository articles;
    private int exitCode;

    WartaRunner(WartaProperties properties, EngineSelector engines, JobOperator jobOperator, Job translationJob,
                RunRepository runs, ArticleRepository articles) {
        this.properties = properties;
        this.engines = engines;
        this.jobOperator = jobOperator;
        this.translationJob = translationJob;
        this.runs = runs;
        this.articles = articles;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path input = properties.input();
        if (!Files.isDirectory(input)) {
            cannotStart("Input folder not found: " + input.toAbsolutePath() + " (set --input=DIR).");
            return;
        }
        TranslationEngine engine;
        try {
            engine = engines.engine();
        } catch (EngineUnavailableException e) {
            cannotStart(e.getMessage());
            return;
        }
        LocalDate runDate = properties.runDate() == null || properties.runDate().isBlank()
                ? LocalDate.now() : LocalDate.parse(properties.runDate());
        Path output = properties.output();
        Instant started = Instant.now();
        long runId = runs.start(runDate, input.toString(), output.toString(), engine.name(), engines.modelName());
        JobParameters parameters = new JobParametersBuilder()
                .addLong("runId", runId)
                .addString("input", input.toString(), false)
                .addString("output", output.toString(), false)
                .addString("runDate", runDate.toString(), false)
                .toJobParameters();
        JobExecution execution = jobOperator.start(translationJob, parameters);
        Instant finished = Instant.now();

        RunSummary summary = RunSummary.of(runId, runDate.toString(), started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, execution.getStatus().name(),
                engine.name(), engines.modelName(), articles.findByRun(runId));
        String summaryJson = Json.write(summary);
        OutputFiles.writeAtomically(new OutputFiles(output).dayFolder(runDate.toString()).resolve("run.json"),
                summaryJson);
        runs.finish(runId, execution.getStatus().name().toLowerCase(java.util.Locale.ROOT), summaryJson);
        System.out.println(summary.table());
        if (!execution.getAllFailureExceptions().isEmpty()) {
            log.error("The job failed: {}", execution.getAllFailureExceptions().get(0).toString());
            exitCode = JOB_FAILED;
        } else {
            exitCode = summary.allDelivered() ? ALL_DELIVERED : SOME_NOT_DELIVERED;
        }
    }

    private void cannotStart(String message) {
        System.err.println("warta: " + message);
        exitCode = CANNOT_START;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
