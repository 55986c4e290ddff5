package id.peduli.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 from the project's own dependencies when no external database is configured. Its
 * data lives in {@code <data-dir>/postgres} and survives restarts; a HikariCP pool sits in front of it. Closing the
 * application context closes the pool first, then stops PostgreSQL cleanly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${peduli.data-dir}") String dataDir,
            @Value("${peduli.embedded.port:0}") int port,
            @Value("${peduli.embedded.shared-buffers}") String sharedBuffers)
            throws IOException {
        Path directory = Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(directory.getParent());
        log.info("Starting embedded PostgreSQL with data in {}", directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", sharedBuffers)
                .setServerConfig("unix_socket_directories", "");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${peduli.embedded.pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("peduli-embedded");
        return new HikariDataSource(config);
    }

    @Bean
    RunMode.Embedded embeddedMarker(EmbeddedPostgres postgres) {
        return new RunMode.Embedded(postgres.getPort());
    }
}
