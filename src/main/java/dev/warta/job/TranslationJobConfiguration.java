package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.export.RunExporter;
import dev.warta.ingest.ArticleReader;
import dev.warta.llm.LlmProperties;
import dev.warta.store.ArticleOutcome;
import dev.warta.store.ArticleRepository;
import dev.warta.store.ArticleWriter;
import dev.warta.store.ModelCallRepository;
import dev.warta.store.TranslationCache;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The translation job: a chunk-oriented step that reads every input, translates the articles concurrently
 * (starting each as soon as it is read, see {@link TranslationPrefetch}) and commits each outcome to the database;
 * then an export step that writes the article files and the digest from the committed rows. The only place that
 * builds steps and jobs; {@link WartaRunner} starts it.
 */
@Configuration
@EnableConfigurationProperties({WartaProperties.class, LlmProperties.class})
class TranslationJobConfiguration {

    static final String JOB_NAME = "translationJob";
    /** The run's budget caps (warta.budget.*) as the job parameters that carry them to the workers. */
    static final String BUDGET_MAX_TOKENS = "budgetMaxTokens";
    static final String BUDGET_MAX_COST = "budgetMaxCost";

    @Bean
    Job translationJob(JobRepository jobRepository, Step batchStep, Step translateStep, Step exportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(batchStep)   // warta.llm.mode=batch only: see BatchModeConfiguration
                .next(translateStep)
                .next(exportStep)
                .build();
    }

    /**
     * Writes the run's files from the database. Allowed to run again on every restart: an export is idempotent, and
     * a crash between a commit and its export is repaired by exporting again.
     */
    @Bean
    Step exportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    Tasklet exportTasklet) {
        return new StepBuilder("exportStep", jobRepository)
                .tasklet(exportTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    Tasklet exportTasklet(RunExporter exporter, @Value("#{jobParameters['runId']}") Long runId,
                          @Value("#{jobParameters['runDate']}") String runDate,
                          @Value("#{jobParameters['output']}") String output) {
        return (contribution, chunkContext) -> {
            exporter.exportRun(runId, LocalDate.parse(runDate), Path.of(output));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step translateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       IngestedItemReader inputReader, TranslationPrefetch translationPrefetch,
                       ArticleWriter articleWriter, RunControl runControl, ProgressReporter progress,
                       WartaProperties properties, LlmProperties llm) {
        return translating(new StepBuilder("translateStep", jobRepository), transactionManager, inputReader,
                translationPrefetch, articleWriter, runControl, progress, properties, llm).build();
    }

    /**
     * The read → translate → check → store step on {@code builder}: the single-process step, and each worker's step
     * of a scale-out run ({@link ScaleOutConfiguration}), which differ only in their reader.
     */
    static org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder<Ingested, ArticleOutcome> translating(
            StepBuilder builder, PlatformTransactionManager transactionManager,
            org.springframework.batch.infrastructure.item.ItemReader<Ingested> reader,
            TranslationPrefetch translationPrefetch, ArticleWriter articleWriter, RunControl runControl,
            ProgressReporter progress, WartaProperties properties, LlmProperties llm) {
        // The model work itself runs on TranslationPrefetch's pool, started as items are read. Spring Batch 6
        // collects a chunk's results concurrently on this executor (items whose work was not started ahead run here);
        // reading and writing stay on the step's thread, so restart state and the chunk transaction are unaffected.
        SimpleAsyncTaskExecutor collectors = new SimpleAsyncTaskExecutor("warta-item-");
        collectors.setConcurrencyLimit(llm.concurrency());
        return builder
                .<Ingested, ArticleOutcome>chunk(Math.max(properties.chunkSize(), llm.concurrency()))
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(translationPrefetch::outcome)
                .writer(articleWriter)
                .taskExecutor(collectors)
                .listener(runControl)
                .listener(progress)
                .listener((StepExecutionListener) translationPrefetch);
    }

    @Bean
    @StepScope
    IngestedItemReader inputReader(@Value("#{jobParameters['input']}") String input,
                                   @Value("#{jobParameters['runId']}") Long runId, ProgressReporter progress,
                                   TranslationPrefetch translationPrefetch, ArticleRepository articles,
                                   LlmProperties llm) {
        // read rounds of calls ahead, so the endpoint never waits for a chunk to be written
        return new IngestedItemReader(Path.of(input), new ArticleReader().confinedTo(Path.of(input)), progress,
                TranslationPrefetch.lookAheadFor(llm.concurrency()), translationPrefetch::start,
                () -> articles.committedInRun(runId));
    }

    /**
     * The article processor's work runs on the prefetch's own threads, outside the step scope, so it is a plain
     * object built here rather than a step-scoped bean.
     */
    @Bean
    @StepScope
    TranslationPrefetch translationPrefetch(EngineSelector engines, TranslationCache cache,
                                            ArticleRepository articles, WartaProperties properties, LlmProperties llm,
                                            RunControl runControl, ModelCallRepository modelCalls,
                                            @Value("#{jobParameters['runDate']}") String runDate,
                                            @Value("#{jobParameters['force']}") String force,
                                            @Value("#{jobParameters['runId']}") Long runId,
                                            @Value("#{jobParameters['" + BUDGET_MAX_TOKENS + "']}") Long maxTokens,
                                            @Value("#{jobParameters['" + BUDGET_MAX_COST + "']}") Double maxCost) {
        engines.callsBelongTo(runId, Boolean.parseBoolean(force));
        // the run's budget is the one its manager was started with: a worker of a scale-out run takes it from the
        // job, so raising the cap needs only the manager started again
        WartaProperties.Budget caps = maxTokens == null ? properties.budget()
                : new WartaProperties.Budget(maxTokens, maxCost == null ? 0 : maxCost);
        RunBudget budget = engines.limitsShared()
                ? RunBudget.sharedByTheRun(caps, llm, () -> {
                    ModelCallRepository.Totals totals = modelCalls.totals(runId);
                    return new RunBudget.Spent(totals.promptTokens(), totals.completionTokens());
                })
                : new RunBudget(caps, llm, engines.metrics());
        // asked again in each call's turn, so articles prepared ahead send nothing once the budget is spent
        engines.callsWithin(budget);
        ArticleProcessor processor = new ArticleProcessor(engines.engine(), engines.fallback(), cache, articles,
                budget, runDate, Boolean.parseBoolean(force), properties.maxAttempts(), runControl::stopForWrongSettings);
        return new TranslationPrefetch(processor::process, TranslationPrefetch.threadsFor(llm.concurrency()),
                runControl);
    }

    @Bean
    @StepScope
    ArticleWriter articleWriter(ArticleRepository articles, TranslationCache cache,
                                @Value("#{jobParameters['runId']}") Long runId) {
        return new ArticleWriter(articles, cache, runId);
    }
}
