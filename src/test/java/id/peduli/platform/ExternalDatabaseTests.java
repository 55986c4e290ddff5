package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Peduli on an external PostgreSQL given by URL (here a second PostgreSQL started by the test and reached only
 * through its JDBC URL): nothing embedded starts, no demo data is loaded, and a first administrator is created. One
 * user may do everything, as before, or a separate owner may run the migrations ({@code spring.flyway.user}).
 */
class ExternalDatabaseTests {

    static final String KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    static EmbeddedPostgres external;
    static Path dataDir;

    @BeforeAll
    static void startExternalServer() throws Exception {
        dataDir = Files.createTempDirectory("peduli-external");
        external = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("server"))
                .setCleanDataDirectory(true)
                .start();
    }

    @AfterAll
    static void stopExternalServer() throws Exception {
        external.close();
    }

    @Test
    void runsOnTheGivenDatabaseWithoutDemoDataAndCreatesAFirstAdministrator() {
        try (ConfigurableApplicationContext app = start("")) {
            RunMode mode = app.getBean(RunMode.class);
            assertThat(mode.embedded()).isFalse();
            assertThat(mode.demo()).isFalse();
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from organization.org_unit")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select username from access.user_account")
                            .query(String.class)
                            .list())
                    .containsExactly("admin");
            assertThat(jdbc.sql("select must_change_password from access.user_account")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(jdbc.sql("select count(*) from region.region where level = 1")
                            .query(Long.class)
                            .single())
                    .isEqualTo(38);
            assertThat(Files.exists(dataDir.resolve("app").resolve("postgres"))).isFalse();
        }
        // A restart keeps the data and creates no second administrator.
        try (ConfigurableApplicationContext app = start("")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from access.user_account")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void demoDataCanBeAskedForExplicitly() {
        try (ConfigurableApplicationContext app = start("true")) {
            assertThat(app.getBean(RunMode.class).demo()).isTrue();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from access.user_account where username = 'kepala.kartini'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aSeparateOwnerCanRunTheMigrationsWhileTheApplicationOnlyAppendsToTheAuditLog() throws Exception {
        try (var connection = external.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create role peduli_owner login password 'owner-secret'");
            statement.execute("create role peduli_web login password 'web-secret'");
            statement.execute("create database split owner peduli_owner");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PeduliApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + external.getPort() + "/split",
                        "--spring.datasource.username=peduli_web",
                        "--spring.datasource.password=web-secret",
                        "--spring.flyway.user=peduli_owner",
                        "--spring.flyway.password=owner-secret",
                        "--peduli.data-dir=" + dataDir.resolve("split"),
                        "--server.port=0",
                        "--peduli.encryption.key=" + KEY,
                        "--spring.jmx.enabled=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single())
                    .isEqualTo("peduli_web");
            assertThat(jdbc.sql("select tableowner from pg_tables where schemaname = 'audit' and tablename = 'entry'")
                            .query(String.class)
                            .single())
                    .isEqualTo("peduli_owner");
            assertThat(jdbc.sql("select count(*) from region.region where level = 1")
                            .query(Long.class)
                            .single())
                    .isEqualTo(38);
            assertThat(jdbc.sql("select username from access.user_account")
                            .query(String.class)
                            .list())
                    .containsExactly("admin");
            jdbc.sql("insert into audit.entry (action, subject_type, purpose) values ('VIEW', 'Probe', 'split')")
                    .update();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.sql("delete from audit.entry").update())
                    .rootCause()
                    .hasMessageContaining("permission denied");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.sql("alter table audit.entry disable trigger entry_append_only")
                                    .update())
                    .rootCause()
                    .hasMessageContaining("must be owner");
        }
    }

    @Test
    void refusesToStartWithoutAnEncryptionKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(PeduliApplication.class)
                        .run(
                                "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=postgres",
                                "--peduli.data-dir=" + dataDir.resolve("nokey"),
                                "--server.port=0",
                                "--spring.jmx.enabled=false"))
                .rootCause()
                .hasMessageContaining("PEDULI_ENCRYPTION_KEY");
    }

    private static ConfigurableApplicationContext start(String demo) {
        String database = demo.isEmpty() ? "postgres" : "demo";
        if (!demo.isEmpty()) {
            try (var connection = external.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create database demo");
            } catch (java.sql.SQLException e) {
                if (!"42P04".equals(e.getSQLState())) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new SpringApplicationBuilder(PeduliApplication.class)
                .run(
                        "--spring.datasource.url=" + external.getJdbcUrl("postgres", database),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--peduli.demo.enabled=" + demo,
                        "--peduli.data-dir=" + dataDir.resolve("app"),
                        "--server.port=0",
                        "--peduli.encryption.key=" + KEY,
                        "--spring.jmx.enabled=false");
    }
}
