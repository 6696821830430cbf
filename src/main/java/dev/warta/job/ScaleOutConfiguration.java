package dev.warta.job;

import dev.warta.article.Ingested;
import dev.warta.ingest.ArticleReader;
import dev.warta.llm.LlmProperties;
import dev.warta.store.ArticleRepository;
import dev.warta.store.ArticleWriter;
import dev.warta.store.PartitionRepository;
import dev.warta.store.WorkItemRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.scheduling.PollerMetadata;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scale-out (docs/scale-out.md): Spring Batch remote partitioning over a queue in the run's own PostgreSQL.
 * <p>
 * The manager ({@code --warta.partitions=N}) runs {@code ingestStep}, which reads the input folder once and stores
 * every item in {@code warta_work_item}, each in its partition; then {@code translatePartitionsStep}, the manager
 * step, which sends one request per partition into the JDBC-backed channel and waits for the workers by polling the
 * job repository; then the usual {@code exportStep}. Each {@code worker} process takes requests from the channel
 * one at a time and runs {@code translatePartitionStep}: the single-process step
 * ({@link TranslationJobConfiguration#translating}) reading its partition from the database.
 * <p>
 * None of these beans exists in a single-process run.
 */
@Configuration
@Conditional(ScaleOutConfiguration.ScaleOutMode.class)
@EnableIntegration   // Boot 4 auto-configures no Spring Integration: only a manager or a worker needs it
class ScaleOutConfiguration {

    static final String JOB_NAME = "partitionedTranslationJob";
    static final String WORKER_STEP = "translatePartitionStep";
    /** The channel's name in the message store: one queue of partition requests per database. */
    static final String REQUESTS = "warta-partition-requests";
    static final String PARTITION_KEY = "partition";
    /**
     * How often a waiting worker asks the queue for a request, and the manager the job repository whether its
     * partitions have ended. Each is one indexed statement, so a quarter of a second costs the database nothing
     * measurable, while a second was up to two seconds of a scale-out run spent waiting at its start and its end
     * (docs/benchmarks.md, "Scale-out").
     */
    static final java.time.Duration POLL_EVERY = java.time.Duration.ofMillis(250);

    /** A manager ({@code warta.partitions} &gt; 0) or a worker (the {@code worker} command's profile). */
    static final class ScaleOutMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("warta.partitions", Integer.class, 0) > 0
                    || context.getEnvironment().matchesProfiles(WorkerCommand.PROFILE);
        }
    }

    /**
     * Messages persisted in {@code INT_CHANNEL_MESSAGE}: a request survives the manager's death, and each is taken
     * by exactly one worker (PostgreSQL's {@code DELETE … FOR UPDATE SKIP LOCKED … RETURNING}).
     */
    @Bean
    JdbcChannelMessageStore partitionRequestStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion("warta");
        // no table check at start: on H2 the manager and the worker refuse to run with a clear line instead
        store.setCheckDatabaseOnStart(false);
        // only what a partition request is made of may be deserialized from the table
        store.addAllowedPatterns("java.util.*", "java.lang.*", "org.springframework.messaging.*",
                "org.springframework.integration.*", "org.springframework.batch.integration.partition.*");
        return store;
    }

    @Bean
    QueueChannel partitionRequests(JdbcChannelMessageStore partitionRequestStore) {
        return MessageChannels.queue(partitionRequestStore, REQUESTS).getObject();
    }

    /** The manager's beans. */
    @Configuration
    @Conditional(ManagerMode.class)
    static class Manager {

        @Bean
        Job partitionedTranslationJob(JobRepository jobRepository, Step ingestStep, Step translatePartitionsStep,
                                      Step exportStep) {
            return new JobBuilder(JOB_NAME, jobRepository)
                    .start(ingestStep)
                    .next(translatePartitionsStep)
                    .next(exportStep)
                    .build();
        }

        /**
         * Reads the input folder once, as a single-process run does (the same reader, so hostile input is refused
         * in one place), and stores every item for the workers. Run again from the first file if it was
         * interrupted: the table is cleared first, and nothing has been translated yet.
         */
        @Bean
        Step ingestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        WorkItemRepository workItems, ArticleRepository articles, ProgressReporter progress,
                        JdbcChannelMessageStore partitionRequestStore, WartaProperties properties) {
            return new StepBuilder("ingestStep", jobRepository).tasklet((contribution, chunkContext) -> {
                Map<String, Object> parameters = chunkContext.getStepContext().getJobParameters();
                long runId = (Long) parameters.get("runId");
                Path input = Path.of((String) parameters.get("input"));
                // requests left by an earlier manager of this database are stale: there is one run at a time
                partitionRequestStore.removeMessageGroup(REQUESTS);
                workItems.clear(runId);
                IngestedItemReader reader = new IngestedItemReader(input, new ArticleReader().confinedTo(input),
                        progress, 0, item -> { }, () -> articles.committedInRun(runId));
                reader.open(new ExecutionContext());
                List<Ingested> batch = new ArrayList<>();
                int seq = 0;
                for (Ingested item = reader.read(); item != null; item = reader.read()) {
                    batch.add(item);
                    if (batch.size() == 200) {
                        workItems.add(runId, properties.partitions(), seq, batch);
                        seq += batch.size();
                        batch.clear();
                    }
                }
                workItems.add(runId, properties.partitions(), seq, batch);
                contribution.incrementReadCount();
                return RepeatStatus.FINISHED;
            }, transactionManager).build();
        }

        /** Partition i of N: the items whose input key hashes to i ({@link WorkItemRepository#partitionOf}). */
        @Bean
        @StepScope
        Partitioner partitioner(WorkItemRepository workItems, PartitionRepository partitions,
                                WartaProperties properties, @Value("#{jobParameters['runId']}") Long runId) {
            return gridSize -> {
                Map<Integer, Integer> counts = workItems.countByPartition(runId);
                Map<String, ExecutionContext> contexts = new HashMap<>();
                for (int partition = 0; partition < properties.partitions(); partition++) {
                    partitions.plan(runId, partition, counts.getOrDefault(partition, 0));
                    ExecutionContext context = new ExecutionContext();
                    context.putInt(PARTITION_KEY, partition);
                    contexts.put("partition" + partition, context);
                }
                return contexts;
            };
        }

        @Bean
        Step translatePartitionsStep(JobRepository jobRepository, BeanFactory beanFactory, Partitioner partitioner,
                                     QueueChannel partitionRequests, PartitionWatch watch,
                                     WartaProperties properties) {
            return new RemotePartitioningManagerStepBuilder("translatePartitionsStep", jobRepository)
                    .partitioner(WORKER_STEP, partitioner)
                    .gridSize(properties.partitions())
                    .outputChannel(partitionRequests)
                    .pollInterval(POLL_EVERY.toMillis())
                    .timeout(-1)   // a dead worker is found by its heartbeat (PartitionWatch), not by a deadline
                    .aggregator(watch.aggregator(new DefaultStepExecutionAggregator()))
                    .listener(watch)
                    .beanFactory(beanFactory)
                    .build();
        }
    }

    /** {@code warta.partitions} &gt; 0. */
    static final class ManagerMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("warta.partitions", Integer.class, 0) > 0;
        }
    }

    /** A worker's beans. */
    @Configuration
    @Profile(WorkerCommand.PROFILE)
    static class Worker {

        @Bean
        Step translatePartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    BeanFactory beanFactory, QueueChannel partitionRequests,
                                    PartitionItemReader partitionReader, TranslationPrefetch translationPrefetch,
                                    ArticleWriter articleWriter, RunControl runControl, ProgressReporter progress,
                                    WorkerPartitionListener partitionListener, WartaProperties properties,
                                    LlmProperties llm) {
            RemotePartitioningWorkerStepBuilder builder = new RemotePartitioningWorkerStepBuilder(WORKER_STEP,
                    jobRepository).inputChannel(partitionRequests).beanFactory(beanFactory);
            return TranslationJobConfiguration.translating(builder, transactionManager, partitionReader,
                            translationPrefetch, articleWriter, runControl, progress, properties, llm)
                    .listener((org.springframework.batch.core.listener.StepListener) partitionListener)
                    .build();
        }

        @Bean
        @StepScope
        PartitionItemReader partitionReader(WorkItemRepository workItems, ArticleRepository articles,
                                            TranslationPrefetch translationPrefetch, LlmProperties llm,
                                            @Value("#{jobParameters['runId']}") Long runId,
                                            @Value("#{stepExecutionContext['partition']}") Integer partition) {
            return new PartitionItemReader(workItems, runId, partition, 2 * llm.concurrency(),
                    translationPrefetch::start, () -> articles.settledInRun(runId));
        }

        /** One partition at a time per worker: the step runs on the poller's thread, and takes one request per poll. */
        @Bean(name = PollerMetadata.DEFAULT_POLLER)
        PollerMetadata defaultPoller() {
            return Pollers.fixedDelay(POLL_EVERY).maxMessagesPerPoll(1).getObject();
        }
    }
}
