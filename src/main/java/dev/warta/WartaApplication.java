package dev.warta;

import dev.warta.ingest.InspectCommand;
import dev.warta.offline.TranslateCommand;
import dev.warta.store.H2FileSettings;
import dev.warta.web.PasswordHashCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.ApplicationListener;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry point. With no command it runs the nightly job; a first argument naming a tool runs that tool instead:
 * {@code inspect PATH…} shows what ingestion makes of input files, {@code translate} runs the offline engine
 * over standard input (both start without Spring, so they answer at once); {@code search}, {@code show} and
 * {@code digest} read the database (see {@link dev.warta.search.AnalystCommands}); {@code serve} starts the
 * newsroom web app ({@link dev.warta.web}) and {@code hash-password} makes a password hash for its users;
 * {@code worker} runs partitions of scale-out runs ({@link dev.warta.job.ScaleOutConfiguration}).
 */
@SpringBootApplication
public class WartaApplication {

    /**
     * Counted down once the application context is closed. On SIGTERM the job's own shutdown hook waits for it, so
     * the database is closed cleanly before the JVM exits. (Spring's shutdown hook is off: it would close the
     * context under a job that is still finishing its chunk.)
     */
    public static final CountDownLatch CLOSED = new CountDownLatch(1);

    /** Set once the application has started, before the job or a command runs: later failures are not start failures. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** The application as Warta runs it: its own H2 settings, and its own handling of SIGTERM. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(WartaApplication.class);
        application.addInitializers(new H2FileSettings());
        application.setRegisterShutdownHook(false);
        application.addListeners((ApplicationListener<ApplicationStartedEvent>) started -> STARTED.set(true));
        return application;
    }

    /**
     * Starts the newsroom web app ({@code serve}) instead of the job: the servlet stack and the {@code serve} profile
     * (application-serve.yml: bound to 127.0.0.1), on the same database. It runs until stopped; unlike the job it
     * has nothing in flight to finish, so Spring's own shutdown hook closes it.
     */
    public static ConfigurableApplicationContext serve(String... args) {
        SpringApplication application = application();
        application.setAdditionalProfiles("serve");
        application.setRegisterShutdownHook(true);
        return application.run(args);
    }

    /**
     * One line instead of a stack trace when the application fails: at the start most often because the database
     * is held by another Warta process (H2 allows one at a time) or a setting is wrong (exit 2 or 4); after the
     * start, the run itself failed (exit 3), and the line says what failed.
     */
    private static int explainFailure(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root instanceof Error ? root.getClass().getSimpleName() + ": " + root.getMessage()
                : root.getMessage();
        if (STARTED.get()) {
            System.err.println("warta: the run failed: " + message.lines().findFirst().orElse(message)
                    + (root instanceof OutOfMemoryError ? " (give the JVM more memory, e.g. java -Xmx1g -jar …)" : ""));
            return 3;
        }
        if (root instanceof java.net.BindException || root.getClass().getSimpleName().equals("PortInUseException")) {
            System.err.println("warta: cannot start the web app: " + message
                    + " (another program uses the port: choose one with --server.port=N)");
            return 2;
        }
        if (message.contains("already in use") || message.contains("Locked by another")
                || message.contains("file is locked")) {
            System.err.println("warta: the database is in use by another Warta process (a run, or a search): "
                    + "wait for it to finish, or point --spring.datasource.url elsewhere.");
            return 4;
        }
        System.err.println("warta: cannot start: " + message.lines().findFirst().orElse(message));
        return 2;
    }

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        List<String> rest = args.length > 0 ? Arrays.asList(args).subList(1, args.length) : List.of();
        switch (command) {
            case "inspect" -> System.exit(InspectCommand.run(rest, System.out, System.err));
            case "translate" -> System.exit(TranslateCommand.run(rest, System.in, System.out, System.err));
            case "hash-password" -> System.exit(PasswordHashCommand.run(System.in, System.out, System.err));
            case "serve" -> {
                try {
                    serve(rest.toArray(String[]::new));
                } catch (RuntimeException | Error failed) {
                    System.exit(explainFailure(failed));
                }
            }
            case "worker" -> {
                // a worker of scale-out runs (docs/scale-out.md): the job's beans, waiting for partitions
                int exitCode;
                try {
                    SpringApplication application = application();
                    application.setAdditionalProfiles("worker");
                    exitCode = SpringApplication.exit(application.run(args));
                } catch (RuntimeException | Error failed) {
                    exitCode = explainFailure(failed);
                }
                CLOSED.countDown();
                System.exit(exitCode);
            }
            default -> {
                int exitCode;
                try {
                    exitCode = SpringApplication.exit(application().run(args));
                } catch (RuntimeException | Error failed) {
                    exitCode = explainFailure(failed);
                }
                CLOSED.countDown();
                System.exit(exitCode);
            }
        }
    }
}
