package dev.warta.job;

import dev.warta.WartaApplication;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a SIGTERM or Ctrl-C does while a run is going: the articles in flight finish and commit, the job stops
 * cleanly (the next start resumes it), the database is closed, and only then does the JVM exit. Installed for the
 * length of one run.
 */
final class GracefulStop implements AutoCloseable {

    private static final Duration GRACE = Duration.ofMinutes(3);

    private final RunControl control;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "warta-graceful-stop");

    private GracefulStop(RunControl control) {
        this.control = control;
    }

    static GracefulStop install(RunControl control) {
        GracefulStop stop = new GracefulStop(control);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    private void stop() {
        if (finished.getCount() == 0) {
            return;
        }
        control.requestStop("stopped by a signal (SIGTERM or Ctrl-C)");
        try {
            if (!finished.await(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("warta: the articles in flight did not finish within " + GRACE
                        + "; exiting anyway. The next run redoes them.");
                return;
            }
            WartaApplication.CLOSED.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run is over: a signal from now on just lets the JVM exit. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting because of a signal: the hook is running and returns at once.
        }
    }
}
