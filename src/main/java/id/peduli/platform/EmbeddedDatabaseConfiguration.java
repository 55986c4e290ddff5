package id.peduli.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 from the project's own dependencies when no external database is configured. Its
 * data lives in {@code <data-dir>/postgres} and survives restarts; a HikariCP pool sits in front of it. Closing the
 * application context closes the pool first, then stops PostgreSQL cleanly.
 *
 * <p>The server listens on the loopback address only, opens no Unix socket, and asks every connection for a
 * password (scram-sha-256). The passwords are generated into {@code <data-dir>/keys/database.properties}. Migrations
 * run as the owner ({@code postgres}); the application's pool connects as {@code peduli_app}, which owns nothing
 * (see {@link DatabasePasswords} and {@link ApplicationRoleGrants}). A data directory made by an earlier version,
 * which trusted every local connection, gets its passwords at the first start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Every connection needs a password; only loopback addresses are listed (and listened on). */
    static final String HBA = """
            # Written by Peduli at every start: every connection needs a password (scram-sha-256).
            # The passwords are in ../keys/database.properties. No Unix socket is opened.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    @Bean
    DatabasePasswords embeddedDatabasePasswords(@Value("${peduli.data-dir}") String dataDir) {
        Path root = Path.of(dataDir).toAbsolutePath().normalize();
        Path directory = root.resolve("postgres");
        Path keys = root.resolve("keys");
        if (Files.exists(directory.resolve("postgresql.conf"))
                && !trustsEveryone(directory.resolve("pg_hba.conf"))
                && !Files.exists(DatabasePasswords.file(keys))) {
            throw new IllegalStateException("The embedded database in " + directory + " asks for passwords, but "
                    + DatabasePasswords.file(keys) + " is missing: restore it from the backup of the data directory");
        }
        return DatabasePasswords.loadOrCreate(keys);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${peduli.data-dir}") String dataDir,
            @Value("${peduli.embedded.port:0}") int port,
            @Value("${peduli.embedded.shared-buffers}") String sharedBuffers,
            @Value("${peduli.embedded.startup-wait:5m}") Duration startupWait,
            DatabasePasswords passwords)
            throws IOException {
        Path directory = Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres");
        OwnerOnlyFiles.dataDirectory(directory.getParent());
        boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
        boolean earlierVersion = !fresh && trustsEveryone(directory.resolve("pg_hba.conf"));
        log.info("Starting embedded PostgreSQL with data in {}", directory);
        if (!fresh) {
            // A previous run that was killed may have left its server running: stop it, or this start cannot.
            Postmaster.stopLeftover(directory, startupWait);
            if (Postmaster.leftLockFile(directory)) {
                log.warn(
                        "The embedded PostgreSQL did not stop cleanly last time; it may first recover its data from"
                                + " its write-ahead log, which can take a few minutes. Waiting up to {}"
                                + " (peduli.embedded.startup-wait).",
                        startupWait);
            }
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setPGStartupWait(startupWait)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "60")
                // zonky turns this off for tests; a registry must keep every acknowledged commit through a crash.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", sharedBuffers)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", passwords.ownerPassword());
        if (!earlierVersion) {
            builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        }
        Path passwordFile = directory.resolveSibling("keys").resolve("initdb.password");
        if (fresh) {
            // initdb sets the superuser's password from this file; the later options replace zonky's "-A trust".
            OwnerOnlyFiles.write(passwordFile, passwords.ownerPassword() + "\n");
            builder.setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        try {
            prepareRoles(postgres.getPort(), passwords, earlierVersion);
            if (earlierVersion) {
                writeHba(directory);
                reload(postgres.getPort(), passwords);
                log.info(
                        "The embedded database now asks every connection for a password (see {})",
                        DatabasePasswords.file(directory.resolveSibling("keys")));
            }
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw new IllegalStateException("Cannot prepare the roles of the embedded database", e);
        }
        return postgres;
    }

    /**
     * Stops the server when the JVM disappears without stopping it, and stops the application when the server
     * disappears under it (see {@link PostmasterSupervision}). Closed before the server is stopped.
     */
    @Bean(destroyMethod = "close")
    PostmasterSupervision embeddedPostgresSupervision(
            EmbeddedPostgres postgres, @Value("${peduli.data-dir}") String dataDir) {
        return PostmasterSupervision.start(
                Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres"),
                PostmasterSupervision.exitApplication());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(
            EmbeddedPostgres postgres,
            DatabasePasswords passwords,
            @Value("${peduli.embedded.pool-size:10}") int poolSize,
            @Value("${peduli.database.connection-timeout:3s}") java.time.Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        // Set before the pool starts, which reads it once (DatabaseConnectionTimeout does so for an external pool).
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setJdbcUrl(url(postgres.getPort()));
        config.setUsername(passwords.appUser());
        config.setPassword(passwords.appPassword());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("peduli-embedded");
        return new HikariDataSource(config);
    }

    /** Migrations run as the owner of the tables, not as the application's role. */
    @Bean
    FlywayConfigurationCustomizer embeddedFlywayAsOwner(EmbeddedPostgres postgres, DatabasePasswords passwords) {
        return configuration ->
                configuration.dataSource(url(postgres.getPort()), passwords.ownerUser(), passwords.ownerPassword());
    }

    @Bean
    RunMode.Embedded embeddedMarker(EmbeddedPostgres postgres) {
        return new RunMode.Embedded(postgres.getPort());
    }

    static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /**
     * Gives the owner its password (on a data directory of an earlier version, which had none) and creates or
     * updates the application's login role: no superuser, may create no role or database, owns nothing.
     */
    private static void prepareRoles(int port, DatabasePasswords passwords, boolean setOwnerPassword)
            throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(url(port), passwords.ownerUser(), passwords.ownerPassword());
                Statement statement = connection.createStatement()) {
            if (setOwnerPassword) {
                statement.execute(
                        "alter role " + passwords.ownerUser() + " password '" + passwords.ownerPassword() + "'");
            }
            statement.execute("""
                    do $$ begin
                        if not exists (select from pg_roles where rolname = '%s') then
                            create role %s login;
                        end if;
                    end $$""".formatted(passwords.appUser(), passwords.appUser()));
            statement.execute("alter role " + passwords.appUser() + " login nosuperuser nocreatedb nocreaterole"
                    + " noreplication nobypassrls password '" + passwords.appPassword() + "'");
        }
    }

    private static void reload(int port, DatabasePasswords passwords) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(url(port), passwords.ownerUser(), passwords.ownerPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
        }
    }

    private static void writeHba(Path directory) {
        try {
            Path file = directory.resolve("pg_hba.conf");
            if (!Files.exists(file) || !Files.readString(file).equals(HBA)) {
                OwnerOnlyFiles.write(file, HBA);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for the pg_hba.conf of earlier versions, which let every local connection in without a password. */
    static boolean trustsEveryone(Path hba) {
        try {
            List<String> lines = Files.readAllLines(hba);
            return lines.stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .anyMatch(line -> line.matches(".*\\strust(\\s.*)?"));
        } catch (IOException e) {
            return false;
        }
    }
}
