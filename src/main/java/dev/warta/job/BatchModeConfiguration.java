package dev.warta.job;

import dev.warta.llm.LlmProperties;
import dev.warta.store.ArticleRepository;
import dev.warta.store.LlmBatchRepository;
import dev.warta.store.TranslationCache;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The batch step of the translation job ({@code warta.llm.mode=batch}, docs/batch-mode.md): it runs before the
 * translation step and leaves the batch's answers where the translation step finds them. In sync mode it does
 * nothing. Apart from {@link TranslationJobConfiguration} so the job's other steps stay as they are.
 */
@Configuration
class BatchModeConfiguration {

    /**
     * Not restarted once complete: a restart after the batch was collected goes straight on translating. A step
     * stopped while waiting (a signal, a process killed, the deadline with {@code batch-after-deadline=pending})
     * runs again and picks up the same batch from the database.
     */
    @Bean
    Step batchStep(JobRepository jobRepository, BatchPhase batchPhase, RunControl runControl) {
        // no database transaction around the phase: it waits for hours, and each of its writes commits on its own
        return new StepBuilder("batchStep", jobRepository)
                .tasklet(batchPhase, new ResourcelessTransactionManager())
                .listener(runControl)
                .build();
    }

    @Bean
    @StepScope
    BatchPhase batchPhase(LlmProperties llm, EngineSelector engines, LlmBatchRepository batches,
                          ArticleRepository articles, TranslationCache cache, RunControl control,
                          WartaProperties properties, @Value("#{jobParameters['runId']}") Long runId,
                          @Value("#{jobParameters['input']}") String input,
                          @Value("#{jobParameters['force']}") String force) {
        return new BatchPhase(llm, engines, batches, articles, cache, control, runId, Path.of(input),
                Boolean.parseBoolean(force), properties.maxAttempts());
    }
}
