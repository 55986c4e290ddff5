package id.peduli.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The embedded database of a data directory, as its owner, for commands that run outside the application (backup
 * and restore). When a Peduli is running on the directory, its server is used as it is; otherwise the server is
 * started for the command and stopped again by {@link #close()}.
 */
public final class EmbeddedDatabaseAccess implements AutoCloseable {

    private final int port;
    private final DatabasePasswords passwords;
    private final EmbeddedPostgres started;

    private EmbeddedDatabaseAccess(int port, DatabasePasswords passwords, EmbeddedPostgres started) {
        this.port = port;
        this.passwords = passwords;
        this.started = started;
    }

    /** Opens the embedded database of {@code dataDir}, starting its server when no Peduli runs on it. */
    public static EmbeddedDatabaseAccess open(Path dataDir, Duration startupWait) {
        Path root = dataDir.toAbsolutePath().normalize();
        Path pgData = root.resolve("postgres");
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
        DatabasePasswords passwords = configuration.embeddedDatabasePasswords(root.toString());
        if (Postmaster.inUse(pgData) && Postmaster.running(pgData).isPresent()) {
            return new EmbeddedDatabaseAccess(runningPort(pgData), passwords, null);
        }
        try {
            EmbeddedPostgres postgres =
                    configuration.embeddedPostgres(root.toString(), 0, "128MB", startupWait, passwords);
            return new EmbeddedDatabaseAccess(postgres.getPort(), passwords, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the data directory holds no database yet. */
    public static boolean empty(Path dataDir) {
        return !Files.exists(dataDir.toAbsolutePath().normalize().resolve("postgres/postgresql.conf"));
    }

    /** A new connection as the owner of every schema. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(url(), passwords.ownerUser(), passwords.ownerPassword());
    }

    public String url() {
        return EmbeddedDatabaseConfiguration.url(port);
    }

    public String ownerUser() {
        return passwords.ownerUser();
    }

    public String ownerPassword() {
        return passwords.ownerPassword();
    }

    /** The port of the running server, from the fourth line of {@code postmaster.pid}. */
    private static int runningPort(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return Integer.parseInt(lines.get(3).strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the port of the running database from " + pgData, e);
        }
    }

    @Override
    public void close() {
        if (started != null) {
            try {
                started.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
