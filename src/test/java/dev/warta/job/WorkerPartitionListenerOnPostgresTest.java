package dev.warta.job;

import com.zaxxer.hikari.HikariDataSource;
import dev.warta.store.PartitionRepository;
import dev.warta.testing.TcpProxy;
import dev.warta.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A worker's record of its partition when a blip (a database restart, a failover) breaks every connection its pool
 * holds at once, on the PostgreSQL the tests start, through a proxy that breaks the connections. The pool hands out
 * a connection used in the last half second without checking it, so a busy worker meets one broken connection after
 * another: the listener must still record the partition as interrupted (the manager then runs it again at once), and
 * its heartbeat must go on, rather than take the blip for the loss of the database and exit. A race in the
 * end-to-end scale-out test, made certain here by breaking a full pool.
 */
class WorkerPartitionListenerOnPostgresTest {

    private static final long RUN = 41;
    private static final int PARTITION = 2;
    private static final int POOL = 6;

    private TcpProxy proxy;
    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private JdbcTemplate direct;
    private PartitionRepository partitions;
    private final ResourcelessJobRepository jobRepository = new ResourcelessJobRepository();
    private final RunControl control = new RunControl();
    private EngineSelector engines;

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase database = TestDatabase.postgres();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration/postgresql").load().migrate();
        proxy = TcpProxy.toServerOf(database.url());
        pool = new HikariDataSource();
        pool.setJdbcUrl(proxy.route(database.url()));
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(POOL);
        pool.setMinimumIdle(POOL);
        pool.setConnectionTimeout(1_000);
        jdbc = new JdbcTemplate(pool);
        direct = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(database.url(),
                database.user(), database.password()));
        partitions = new PartitionRepository(jdbc);
        engines = new EngineSelector(settings(Duration.ofHours(1)), null, null, null, null,
                new StandardEnvironment(), new DataSourceTransactionManager(pool));
    }

    /** The worker's listener, beating every {@code heartbeat}. */
    private WorkerPartitionListener listener(Duration heartbeat) {
        return new WorkerPartitionListener(partitions, jobRepository, control, new ProgressReporter(engines),
                engines, settings(heartbeat), pool);
    }

    private static WartaProperties settings(Duration heartbeat) {
        return new WartaProperties(Path.of("input"), Path.of("output"), "openai", "en", 8, null, 3,
                new WartaProperties.Budget(0, 0), null, false, null, 4,
                new WartaProperties.ScaleOut(heartbeat, Duration.ofSeconds(60), 3));
    }

    @AfterEach
    void tearDown() {
        pool.close();
        proxy.close();
    }

    @Test
    void aPartitionWhoseChunkMetABrokenConnectionIsRecordedInterruptedOnAFreshOneNotLost() throws Exception {
        ExitStatus exit = endAfterABlip(true);

        assertThat(exit.getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
        Map<String, Object> row = partitionRow();
        assertThat(row.get("status")).isEqualTo("interrupted");
        assertThat((String) row.get("reason")).startsWith("the database connection broke: ");
    }

    @Test
    void aPartitionWhoseStepFailedOutsideAWriteIsStillRecordedInterrupted() throws Exception {
        // no write error to hear of: the step's read or a lookup failed, and only its end says why
        endAfterABlip(false);

        assertThat(partitionRow().get("status")).isEqualTo("interrupted");
    }

    /**
     * A partition's step that fails when a blip breaks every connection of the full pool, and ends: the failure
     * meets the first broken connection, in a write that the listener hears of or elsewhere.
     */
    private ExitStatus endAfterABlip(boolean inAWrite) throws Exception {
        WorkerPartitionListener listener = listener(Duration.ofHours(1));
        StepExecution step = startedPartition();
        listener.beforeStep(step);
        breakEveryPooledConnection();
        DataAccessException failure = writeOnABrokenConnection();
        if (inAWrite) {
            listener.onWriteError(failure, new Chunk<>());
        }
        step.setStatus(BatchStatus.FAILED);
        step.addFailureException(failure);
        ExitStatus exit = listener.afterStep(step);
        assertThat(listener.lostTheDatabase(0, TimeUnit.SECONDS)).as("the worker took the blip for a lost database")
                .isFalse();
        return exit;
    }

    @Test
    void aHeartbeatThatMeetsABrokenConnectionBeatsOnAFreshOneAndTheWorkerCarriesOn() throws Exception {
        WorkerPartitionListener listener = listener(Duration.ofMillis(100));
        StepExecution step = startedPartition();
        listener.beforeStep(step);
        Thread.sleep(300);
        breakEveryPooledConnection();
        Timestamp broken = direct.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class);

        // beats every 100 ms: the first after the blip meets a broken connection
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!((Timestamp) partitionRow().get("heartbeat_at")).after(broken) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat((Timestamp) partitionRow().get("heartbeat_at")).as("a beat after the blip").isAfter(broken);
        assertThat(control.stopRequested()).as("the worker stopped its partition: " + control.stopReason())
                .isFalse();
        assertThat(listener.lostTheDatabase(0, TimeUnit.SECONDS)).isFalse();

        step.setStatus(BatchStatus.COMPLETED);
        listener.afterStep(step);
        assertThat(partitionRow().get("status")).isEqualTo("completed");
    }

    @Test
    void aWorkerWhoseDatabaseIsOutOfReachStillSaysItLostTheDatabase() throws Exception {
        // the retry must not hide a real loss: with the network gone for good, the end cannot be recorded
        WorkerPartitionListener listener = listener(Duration.ofHours(1));
        StepExecution step = startedPartition();
        listener.beforeStep(step);
        proxy.cut();
        step.setStatus(BatchStatus.FAILED);
        step.addFailureException(new org.springframework.dao.DataAccessResourceFailureException("broken pipe"));
        listener.afterStep(step);

        assertThat(listener.lostTheDatabase(0, TimeUnit.SECONDS)).isTrue();
        assertThat(partitionRow().get("status")).as("nothing could be recorded").isEqualTo("running");
    }

    /** A partition planned by the manager, in a running job: what a worker's step starts from. */
    private StepExecution startedPartition() {
        partitions.plan(RUN, PARTITION, 10);
        JobParameters parameters = new JobParametersBuilder().addLong("runId", RUN).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("partitionedTranslationJob", parameters);
        JobExecution job = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        StepExecution step = jobRepository.createStepExecution("translatePartitionStep:partition" + PARTITION, job);
        step.getExecutionContext().putInt(ScaleOutConfiguration.PARTITION_KEY, PARTITION);
        step.setStatus(BatchStatus.STARTED);
        return step;
    }

    /** Fills the pool (every connection used just now), then breaks every connection through the proxy. */
    private void breakEveryPooledConnection() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                Connection connection = pool.getConnection();
                held.add(connection);
                connection.createStatement().execute("SELECT 1");
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        proxy.drop();
    }

    private DataAccessException writeOnABrokenConnection() {
        List<DataAccessException> failure = new ArrayList<>();
        assertThatThrownBy(() -> jdbc.update("UPDATE warta_partition SET written = 1 WHERE run_id = ?", RUN))
                .as("the blip broke the pooled connections").isInstanceOfSatisfying(DataAccessException.class,
                        failure::add);
        return failure.get(0);
    }

    private Map<String, Object> partitionRow() {
        return direct.queryForMap("SELECT * FROM warta_partition WHERE run_id = ? AND partition_no = ?", RUN,
                PARTITION);
    }
}
