package id.peduli.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL and the application together, whichever of the two ends first.
 *
 * <ul>
 *   <li><b>The application ends without stopping the server</b> ({@code kill -9}, out of memory): the server was
 *       started by {@code pg_ctl} in its own session and would run on. A small watchdog process ({@code sh}) holds
 *       the read end of a pipe whose write end only this JVM holds; when the JVM is gone, however it ended, the
 *       kernel closes the pipe, the watchdog reads end-of-file and asks the server for a fast shutdown, if
 *       {@code postmaster.pid} still names the same server. The watchdog ignores the terminal's Ctrl-C, so that
 *       it outlives the JVM long enough to do its one job.
 *   <li><b>The server ends while the application runs</b> (killed, crashed): the pool cannot reach it and health
 *       is DOWN. The application then logs why and exits with {@link #EXIT_CODE}, so that a supervisor (systemd
 *       {@code Restart=on-failure}) starts it again; the next start lets PostgreSQL recover.
 * </ul>
 */
final class PostmasterSupervision implements AutoCloseable {

    /** Exit code of the application when its embedded PostgreSQL stopped under it. */
    static final int EXIT_CODE = 3;

    private static final Logger log = LoggerFactory.getLogger(PostmasterSupervision.class);

    private static final String WATCHDOG = """
            trap '' INT HUP
            cat > /dev/null
            if [ "$(head -n 1 "$1/postmaster.pid" 2>/dev/null)" = "$2" ]; then kill -INT "$2"; fi
            """;

    private final Process watchdog;
    private final AtomicBoolean closing = new AtomicBoolean();

    private PostmasterSupervision(Process watchdog) {
        this.watchdog = watchdog;
    }

    /**
     * Starts the watchdog for the server running on {@code pgData} and watches the server; {@code onDeath} runs
     * when the server ends before {@link #close()} and while the JVM is not shutting down.
     */
    static PostmasterSupervision start(Path pgData, Runnable onDeath) {
        long pid = Postmaster.running(pgData)
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL server runs on " + pgData));
        Process watchdog;
        try {
            watchdog = new ProcessBuilder(
                            "sh", "-c", WATCHDOG, "peduli-watchdog", pgData.toString(), Long.toString(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the watchdog of the embedded PostgreSQL", e);
        }
        PostmasterSupervision supervision = new PostmasterSupervision(watchdog);
        ProcessHandle.of(pid).ifPresent(server -> server.onExit().thenRun(() -> supervision.died(pid, onDeath)));
        return supervision;
    }

    /** The application's reaction: log why, then exit so that a supervisor starts Peduli again. */
    static Runnable exitApplication() {
        return () -> {
            Thread exit = new Thread(() -> System.exit(EXIT_CODE), "peduli-exit");
            exit.start();
        };
    }

    private void died(long pid, Runnable onDeath) {
        if (closing.get() || shuttingDown()) {
            return;
        }
        log.error(
                "The embedded PostgreSQL (process {}) stopped while Peduli was running. Peduli stops now with exit"
                        + " code {} so that its service manager starts it again (systemd: Restart=on-failure);"
                        + " at the next start PostgreSQL recovers its data from its write-ahead log.",
                pid,
                EXIT_CODE);
        onDeath.run();
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** The application stops the server itself: the watchdog and the watch end first. */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
        watchdog.destroyForcibly();
    }
}
