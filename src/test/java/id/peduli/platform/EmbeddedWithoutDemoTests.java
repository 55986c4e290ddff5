package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code PEDULI_DEMO=false} on the embedded database there are no demo accounts: the first start creates one
 * administrator with a one-time password printed once, to be changed at the first sign-in, and the address is left
 * as configured (every address when none is).
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedWithoutDemoTests {

    @Test
    void theFirstStartCreatesAnAdministratorWithAOneTimePassword(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-nodemo");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PeduliApplication.class)
                .run(
                        "--peduli.data-dir=" + dataDir,
                        "--peduli.demo.enabled=false",
                        "--server.port=0",
                        "--spring.jmx.enabled=false")) {
            RunMode mode = app.getBean(RunMode.class);
            assertThat(mode.embedded()).isTrue();
            assertThat(mode.demo()).isFalse();
            assertThat(app.getEnvironment().getProperty("server.address")).isNull();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select username from access.user_account")
                            .query(String.class)
                            .list())
                    .containsExactly("admin");
            assertThat(jdbc.sql("select must_change_password and not demo from access.user_account")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(output.getOut())
                    .containsOnlyOnce("Created the first administrator 'admin' with the one-time password")
                    .doesNotContain("Demo mode: sign in")
                    .contains("listening on every network address");
        }
    }
}
