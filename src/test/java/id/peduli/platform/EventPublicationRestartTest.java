package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The event publication registry across a crash (ADR 9), with the real application in its own JVM
 * ({@link EventRestartChild}): two events are published, the after-commit listener is midway through the first
 * and has not started the second when the process gets {@code kill -9}. The next start republishes both outstanding
 * publications, the listener completes them and no publication is left.
 */
class EventPublicationRestartTest {

    @Test
    void publicationsOutstandingWhenTheProcessIsKilledAreCompletedAtTheNextStart() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-events-kill");

        Child first = Child.start(dataDir, "publish");
        try {
            first.awaitLine("READY");
        } finally {
            first.process.destroyForcibly().waitFor();
        }
        assertThat(first.lines())
                .as("one event in progress, the other not run yet, both outstanding at the kill")
                .containsOnlyOnce("OUTSTANDING 2")
                .filteredOn(line -> line.startsWith("HOLDING ") || line.startsWith("COMPLETED "))
                .hasSize(1)
                .allMatch(line -> line.startsWith("HOLDING "));

        Child second = Child.start(dataDir, "resume");
        try {
            second.awaitLine("DONE");
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            if (second.process.isAlive()) {
                second.process.destroyForcibly().waitFor();
            }
            FileSystemUtils.deleteRecursively(dataDir);
        }
        assertThat(second.lines())
                .as("both publications completed by the listener after the restart, none left")
                .contains("COMPLETED 1", "COMPLETED 2", "OUTSTANDING 0");
    }

    /** A child JVM on the test class path whose output is collected line by line. */
    private record Child(Process process, List<String> output) {

        static Child start(Path dataDir, String mode) throws IOException {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            // a start-up without the optimising compiler: the child lives for seconds
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            EventRestartChild.class.getName(),
                            dataDir.toString(),
                            mode)
                    .redirectErrorStream(true)
                    .start();
            List<String> output = new ArrayList<>();
            Thread pump = new Thread(() -> {
                try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        synchronized (output) {
                            output.add(line);
                            output.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                synchronized (output) {
                    output.notifyAll();
                }
            });
            pump.setDaemon(true);
            pump.start();
            return new Child(process, output);
        }

        void awaitLine(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            boolean ended = false;
            synchronized (output) {
                while (!output.contains(expected)) {
                    if (ended || System.nanoTime() > deadline) {
                        throw new AssertionError("no line " + expected + " from the child:\n" + tail());
                    }
                    // once the process is gone, give the reader a last second to drain its output
                    ended = !process.isAlive();
                    output.wait(1000);
                }
            }
        }

        List<String> lines() {
            synchronized (output) {
                return List.copyOf(output);
            }
        }

        private String tail() {
            return String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size()));
        }
    }
}
