package id.peduli.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * A separate JVM that starts the embedded PostgreSQL the way Peduli does, writes a marker row, says READY and
 * waits to be killed. Arguments: the data directory and whether the server is supervised as in the application.
 */
public final class EmbeddedDatabaseChild {

    private EmbeddedDatabaseChild() {}

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        boolean supervised = Boolean.parseBoolean(args[1]);
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
        DatabasePasswords passwords = configuration.embeddedDatabasePasswords(dataDir);
        EmbeddedPostgres postgres =
                configuration.embeddedPostgres(dataDir, 0, "32MB", Duration.ofMinutes(2), passwords);
        if (supervised) {
            configuration.embeddedPostgresSupervision(postgres, dataDir);
        }
        try (Connection connection = DriverManager.getConnection(
                        EmbeddedDatabaseConfiguration.url(postgres.getPort()),
                        passwords.ownerUser(),
                        passwords.ownerPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists crash_marker (id int)");
            statement.execute("insert into crash_marker values (1)");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
