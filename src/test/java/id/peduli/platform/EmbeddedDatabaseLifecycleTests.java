package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL keeps its data in the data directory, stops cleanly when Peduli stops, and a restart
 * reuses the data without loading anything twice.
 */
class EmbeddedDatabaseLifecycleTests {

    @Test
    void stopsCleanlyAndARestartReusesTheDataWithoutSeedingAgain() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-lifecycle");
        long units;
        long entries;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            units = count(jdbc, "organization.org_unit");
            assertThat(units).isGreaterThan(30);
            jdbc.sql("insert into audit.entry (action, subject_type, purpose) values ('VIEW', 'Marker', 'restart')")
                    .update();
            entries = count(jdbc, "audit.entry");
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
            assertThat(count(jdbc, "demo.seed_state")).isEqualTo(1);
            assertThat(count(jdbc, "region.region")).isEqualTo(91_599);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PeduliApplication.class)
                .run("--peduli.data-dir=" + dataDir, "--server.port=0", "--spring.jmx.enabled=false");
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
