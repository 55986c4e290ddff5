package id.peduli.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.context.ApplicationContext;

/**
 * A connection as the owner of the embedded database, for benchmarks and tools that create their own tables next to
 * Peduli's (the application's role may not): the password comes from the instance's passwords file.
 */
public final class EmbeddedDatabaseForTools {

    private EmbeddedDatabaseForTools() {}

    public static Connection ownerConnection(ApplicationContext context) throws SQLException {
        DatabasePasswords passwords = context.getBean(DatabasePasswords.class);
        int port = context.getBean(RunMode.class).embeddedPort();
        return DriverManager.getConnection(
                EmbeddedDatabaseConfiguration.url(port), passwords.ownerUser(), passwords.ownerPassword());
    }
}
