package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL keeps its data in the data directory, stops cleanly when Peduli stops, and a restart
 * reuses the data without loading anything twice. A data directory made by an earlier version, whose PostgreSQL let
 * every local connection in without a password, gets its passwords and the application's role at the next start.
 */
class EmbeddedDatabaseLifecycleTests {

    @Test
    void stopsCleanlyAndARestartReusesTheDataWithoutSeedingAgain() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-lifecycle");
        long units;
        long entries;
        long seeds;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            units = count(jdbc, "organization.org_unit");
            assertThat(units).isGreaterThan(30);
            jdbc.sql("insert into audit.entry (action, subject_type, purpose) values ('VIEW', 'Marker', 'restart')")
                    .update();
            entries = count(jdbc, "audit.entry");
            seeds = count(jdbc, "demo.seed_state");
            assertThat(seeds).isPositive();
            assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")))
                    .isTrue();
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")))
                .as("PostgreSQL stopped with the application")
                .isFalse();
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(count(jdbc, "organization.org_unit")).isEqualTo(units);
            assertThat(count(jdbc, "audit.entry")).isEqualTo(entries);
            assertThat(count(jdbc, "demo.seed_state")).isEqualTo(seeds);
            assertThat(count(jdbc, "region.region")).isEqualTo(91_599);
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionKeepsItsDataAndAsksForPasswordsFromNowOn() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-upgrade");
        // What earlier versions left behind: a cluster trusting every local connection, migrated as postgres.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setServerConfig("unix_socket_directories", "")
                .start()) {
            Flyway.configure()
                    .dataSource(earlier.getPostgresDatabase())
                    .schemas("region", "organization", "access", "audit", "demo", "registry")
                    .createSchemas(true)
                    .defaultSchema("public")
                    // the version of 28 November: its modules, migrated up to its last migration
                    .locations(
                            "classpath:db/migration/region",
                            "classpath:db/migration/organization",
                            "classpath:db/migration/access",
                            "classpath:db/migration/audit",
                            "classpath:db/migration/demo",
                            "classpath:db/migration/registry",
                            "classpath:db/migration/platform")
                    .target("2026.11.28.0530")
                    .load()
                    .migrate();
            try (Connection connection = earlier.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("insert into audit.entry (action, subject_type, purpose)"
                        + " values ('VIEW', 'Marker', 'before the upgrade')");
            }
        }
        assertThat(EmbeddedDatabaseConfiguration.trustsEveryone(dataDir.resolve("postgres/pg_hba.conf")))
                .isTrue();
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single())
                    .isEqualTo("peduli_app");
            assertThat(jdbc.sql("select count(*) from audit.entry where purpose = 'before the upgrade'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(count(jdbc, "organization.org_unit")).isGreaterThan(30);
            assertThatThrownBy(() -> jdbc.sql("delete from audit.entry").update())
                    .rootCause()
                    .hasMessageContaining("permission denied");
            String url =
                    EmbeddedDatabaseConfiguration.url(app.getBean(RunMode.class).embeddedPort());
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            DatabasePasswords passwords = app.getBean(DatabasePasswords.class);
            try (Connection owner = DriverManager.getConnection(url, "postgres", passwords.ownerPassword())) {
                assertThat(owner.isValid(2)).isTrue();
            }
        }
        assertThat(EmbeddedDatabaseConfiguration.trustsEveryone(dataDir.resolve("postgres/pg_hba.conf")))
                .isFalse();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("keys/database.properties")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PeduliApplication.class)
                .run("--peduli.data-dir=" + dataDir, "--server.port=0", "--spring.jmx.enabled=false");
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
