package dev.warta.job;

import dev.warta.WartaApplication;
import dev.warta.store.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar warta.jar worker}: a worker of scale-out runs. It takes partition requests from the database's
 * queue, one at a time, runs each ({@code translatePartitionStep}) and goes back to waiting, until it is stopped.
 * On SIGTERM it takes no new request, lets the partition in flight stop after its articles in flight (the manager
 * sees it stopped and a restart runs the rest), closes the database and exits. A worker that loses the database
 * mid-partition fails it in one line and exits with {@link #LOST_THE_DATABASE}.
 */
@Component
@Profile(WorkerCommand.PROFILE)
class WorkerCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String PROFILE = "worker";
    private static final Duration GRACE = Duration.ofMinutes(3);
    /** A partition lost the database mid-way: the worker exits (systemd's Restart= starts it again). */
    static final int LOST_THE_DATABASE = 3;
    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    private final IntegrationFlowContext flows;
    private final RunControl control;
    private final WorkerPartitionListener partitions;
    private final JdbcTemplate jdbc;
    private final EngineSelector engines;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int exitCode;

    WorkerCommand(IntegrationFlowContext flows, RunControl control, WorkerPartitionListener partitions,
                  JdbcTemplate jdbc, EngineSelector engines) {
        this.engines = engines;
        this.flows = flows;
        this.control = control;
        this.partitions = partitions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (SqlDialect.of(jdbc) != SqlDialect.POSTGRESQL) {
            System.err.println("warta: a worker needs the run's shared PostgreSQL database "
                    + "(--spring.datasource.url=jdbc:postgresql://HOST:PORT/DB); an H2 file serves one process only.");
            exitCode = WartaRunner.CANNOT_START;
            return;
        }
        try {
            // built now, not at the first partition: a wrong setting stops the worker at once, in one line, and the
            // first partition does not wait for the tokenizer and the AI service to be set up
            engines.engine();
        } catch (EngineUnavailableException e) {
            System.err.println("warta: " + e.getMessage());
            exitCode = WartaRunner.CANNOT_START;
            return;
        }
        Thread hook = new Thread(this::stop, "warta-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        flows.getRegistry().values().forEach(IntegrationFlowContext.IntegrationFlowRegistration::start);
        log.info("Worker {} is waiting for partitions", WorkerPartitionListener.WORKER);
        while (!stopped.await(0, TimeUnit.SECONDS)) {
            if (partitions.lostTheDatabase(1, TimeUnit.SECONDS)) {
                // the listener said so in one line; no new request is taken, and the process exits
                flows.getRegistry().values().forEach(IntegrationFlowContext.IntegrationFlowRegistration::stop);
                exitCode = LOST_THE_DATABASE;
                return;
            }
        }
    }

    /** On a signal: no new partition, the one in flight stops cleanly, then the context closes. */
    private void stop() {
        flows.getRegistry().values().forEach(IntegrationFlowContext.IntegrationFlowRegistration::stop);
        if (exitCode != LOST_THE_DATABASE) {   // not a signal: the worker exits on its own
            control.requestStop("the worker was stopped by a signal (SIGTERM or Ctrl-C)");
        }
        try {
            if (!partitions.awaitIdle(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("warta: the partition in flight did not stop within " + GRACE + "; exiting anyway");
            }
            stopped.countDown();
            WartaApplication.CLOSED.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
