package id.peduli.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process of a data directory, as its {@code postmaster.pid} names it. Used at start to find
 * and stop a server that a previous run left behind (the application was killed, the server was not), and to watch
 * the server while the application runs.
 */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    private Postmaster() {}

    /** The process id in {@code postmaster.pid}, if the file exists and names a live process. */
    static OptionalLong running(Path pgData) {
        OptionalLong pid = pid(pgData);
        if (pid.isPresent()
                && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
            return pid;
        }
        return OptionalLong.empty();
    }

    /** The process id written in {@code postmaster.pid}, alive or not. */
    static OptionalLong pid(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** True when the last server on this directory did not shut down cleanly (its lock file is still there). */
    static boolean leftLockFile(Path pgData) {
        return Files.exists(pgData.resolve("postmaster.pid"));
    }

    /**
     * Stops a server still running on this data directory: a fast shutdown (SIGINT: open transactions are rolled
     * back, the data is written out), waiting up to {@code wait} for it to end. Refuses to touch a process that is
     * not a PostgreSQL server.
     */
    static void stopLeftover(Path pgData, Duration wait) {
        OptionalLong pid = running(pgData);
        if (pid.isEmpty()) {
            return;
        }
        ProcessHandle process = ProcessHandle.of(pid.getAsLong()).orElse(null);
        if (process == null) {
            return;
        }
        Optional<String> command = process.info().command();
        if (command.isPresent() && !command.get().contains("postgres")) {
            // The lock file is stale and its number now belongs to another program; PostgreSQL handles that itself.
            return;
        }
        if (inUse(pgData)) {
            throw new IllegalStateException("Another running Peduli uses the data directory " + pgData.getParent()
                    + " (its database server is process " + pid.getAsLong() + "); stop it first");
        }
        log.warn(
                "A PostgreSQL server (process {}) from an earlier run of Peduli is still running on {}; stopping it"
                        + " before starting again",
                pid.getAsLong(),
                pgData);
        signal("INT", pid.getAsLong());
        if (!waitForExit(process, wait)) {
            throw new IllegalStateException("The PostgreSQL server left running on " + pgData + " (process "
                    + pid.getAsLong() + ") did not stop within " + wait + "; stop it and start Peduli again");
        }
        log.info("The earlier PostgreSQL server stopped");
    }

    /**
     * True while a live process holds the lock that the embedded database takes on its data directory (zonky's
     * {@code epg-lock}): the server then belongs to a running Peduli, not to a killed one. The operating system
     * drops the lock when its process ends, however it ends.
     */
    static boolean inUse(Path pgData) {
        Path lock = pgData.resolve("epg-lock");
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean waitForExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot signal process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
