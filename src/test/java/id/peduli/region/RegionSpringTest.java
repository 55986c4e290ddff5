package id.peduli.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a fresh embedded PostgreSQL whose data lives in a new directory under {@code target/}, one
 * per test JVM; every class with this annotation shares the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RegionSpringTest.FreshDataDirectory.class)
@interface RegionSpringTest {

    class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static Path directory;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "regionTestDataDirectory",
                            Map.of("peduli.data-dir", directory().toString())));
        }

        private static synchronized Path directory() {
            if (directory == null) {
                try {
                    Path target = Files.createDirectories(Path.of("target"));
                    directory = Files.createTempDirectory(target, "test-data-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return directory;
        }
    }
}
