package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a crash leaves behind does not stop the next start. A separate JVM starts the embedded PostgreSQL as Peduli
 * does and is killed ({@code kill -9}); the server it started either goes with it (the watchdog) or is stopped by
 * the next start. A server that dies under a running application makes the application exit for its supervisor.
 */
class EmbeddedDatabaseCrashTests {

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    @Test
    void aServerLeftRunningByAKilledApplicationIsStoppedAndTheNextStartWorks() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-crash");
        Child child = Child.start(dataDir, false);
        long server = Postmaster.running(dataDir.resolve("postgres")).orElseThrow();
        child.process.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);

        DatabasePasswords passwords = configuration.embeddedDatabasePasswords(dataDir.toString());
        try (EmbeddedPostgres postgres =
                configuration.embeddedPostgres(dataDir.toString(), 0, "32MB", Duration.ofMinutes(2), passwords)) {
            assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false))
                    .as("the earlier server was stopped")
                    .isFalse();
            assertThat(markers(postgres.getPort(), passwords)).isEqualTo(1);
        }
    }

    @Test
    void theServerOfAPeduliThatStillRunsIsNotTouched() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-in-use");
        Child child = Child.start(dataDir, false);
        long server = Postmaster.running(dataDir.resolve("postgres")).orElseThrow();
        try {
            DatabasePasswords passwords = configuration.embeddedDatabasePasswords(dataDir.toString());
            assertThatThrownBy(() -> configuration.embeddedPostgres(
                            dataDir.toString(), 0, "32MB", Duration.ofMinutes(2), passwords))
                    .hasMessageContaining("Another running Peduli uses the data directory");
            assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            child.process.destroyForcibly().waitFor();
            Postmaster.signal("INT", server);
            ProcessHandle.of(server).ifPresent(p -> Postmaster.waitForExit(p, Duration.ofSeconds(30)));
        }
    }

    @Test
    void theServerStopsWhenTheApplicationIsKilled() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-watchdog");
        Child child = Child.start(dataDir, true);
        long server = Postmaster.running(dataDir.resolve("postgres")).orElseThrow();
        child.process.destroyForcibly().waitFor();
        ProcessHandle handle = ProcessHandle.of(server).orElse(null);
        boolean stopped = handle == null || Postmaster.waitForExit(handle, Duration.ofSeconds(30));
        if (!stopped) {
            Postmaster.signal("INT", server);
        }
        assertThat(stopped).as("the server outlived the killed application").isTrue();
        assertThat(Postmaster.leftLockFile(dataDir.resolve("postgres")))
                .as("a fast shutdown removes the lock file")
                .isFalse();
    }

    @Test
    void whenTheServerDiesTheApplicationExitsWithAClearMessageAndTheNextStartRecovers() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-server-died");
        Child child = Child.start(dataDir, true);
        long server = Postmaster.running(dataDir.resolve("postgres")).orElseThrow();
        Postmaster.signal("KILL", server);
        boolean exited = child.process.waitFor(45, TimeUnit.SECONDS);
        if (!exited) {
            child.process.destroyForcibly().waitFor();
        }
        assertThat(exited).as("the application exits when its server is gone").isTrue();
        assertThat(child.process.exitValue()).isEqualTo(PostmasterSupervision.EXIT_CODE);
        assertThat(child.output()).contains("stopped while Peduli was running");

        DatabasePasswords passwords = configuration.embeddedDatabasePasswords(dataDir.toString());
        try (EmbeddedPostgres postgres =
                configuration.embeddedPostgres(dataDir.toString(), 0, "32MB", Duration.ofMinutes(2), passwords)) {
            assertThat(markers(postgres.getPort(), passwords)).isEqualTo(1);
        }
    }

    private static long markers(int port, DatabasePasswords passwords) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        EmbeddedDatabaseConfiguration.url(port), passwords.ownerUser(), passwords.ownerPassword());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from crash_marker")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Child(Process process, List<String> lines) {

        static Child start(Path dataDir, boolean supervised) throws IOException {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            EmbeddedDatabaseChild.class.getName(),
                            dataDir.toString(),
                            Boolean.toString(supervised))
                    .redirectErrorStream(true)
                    .start();
            List<String> lines = new ArrayList<>();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.equals("READY")) {
                    break;
                }
            }
            if (line == null) {
                throw new IllegalStateException("The child did not start:\n" + String.join("\n", lines));
            }
            Thread pump = new Thread(() -> {
                try {
                    String more;
                    while ((more = reader.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(more);
                        }
                    }
                } catch (IOException e) {
                    // the child is gone
                }
            });
            pump.setDaemon(true);
            pump.start();
            return new Child(process, lines);
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
