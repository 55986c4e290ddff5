package id.peduli.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * How long a request waits for a database connection ({@code peduli.database.connection-timeout}, 3 seconds unless
 * set), for the embedded and an external database alike. HikariCP's own default is 30 seconds: while the database is
 * down every request would hang that long before its "temporarily unavailable" answer.
 */
@Component
class DatabaseConnectionTimeout implements BeanPostProcessor {

    private final Duration timeout;

    DatabaseConnectionTimeout(@Value("${peduli.database.connection-timeout:3s}") Duration timeout) {
        if (timeout.toMillis() < 250) {
            throw new IllegalArgumentException("peduli.database.connection-timeout must be at least 250ms");
        }
        this.timeout = timeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        // Spring Boot's pool for an external database starts at its first connection, after this; the embedded pool
        // is started by EmbeddedDatabaseConfiguration with the same setting.
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            pool.setConnectionTimeout(timeout.toMillis());
        }
        return bean;
    }
}
