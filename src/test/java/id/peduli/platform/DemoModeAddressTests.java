package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Demo mode shows known passwords, so it only listens on this computer: without a configured address Peduli binds to
 * 127.0.0.1 and says so; an address other computers can reach is refused with one readable paragraph before
 * anything starts. Outside demo mode nothing changes.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeAddressTests {

    @Test
    void demoModeListensOnTheLoopbackAddressWhenNoneIsConfigured() {
        assertThat(addressAfterStart(Map.of())).isEqualTo("127.0.0.1");
        assertThat(addressAfterStart(Map.of("peduli.demo.enabled", "true", "spring.datasource.url", "jdbc:x")))
                .isEqualTo("127.0.0.1");
        assertThat(addressAfterStart(Map.of("server.address", "localhost"))).isEqualTo("localhost");
        assertThat(addressAfterStart(Map.of("server.address", "::1"))).isEqualTo("::1");
    }

    @Test
    void outsideDemoModeTheAddressIsLeftAsConfigured() {
        assertThat(addressAfterStart(Map.of("peduli.demo.enabled", "false"))).isNull();
        assertThat(addressAfterStart(Map.of("spring.datasource.url", "jdbc:postgresql://db/peduli")))
                .isNull();
        assertThat(addressAfterStart(Map.of("peduli.demo.enabled", "false", "server.address", "0.0.0.0")))
                .isEqualTo("0.0.0.0");
    }

    @Test
    void demoModeOnAnAddressOtherComputersCanReachIsRefusedBeforeAnythingStarts(
            @TempDir Path dataDir, CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PeduliApplication.class)
                        .run(
                                "--peduli.data-dir=" + dataDir,
                                "--server.address=0.0.0.0",
                                "--server.port=0",
                                "--spring.jmx.enabled=false"))
                .isInstanceOf(DemoModeAddress.Refused.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Peduli is in demo mode")
                .contains("asked to listen on 0.0.0.0")
                .contains("PEDULI_DEMO=false")
                .doesNotContain("at id.peduli.platform.DemoModeAddress");
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
    }

    @Test
    void theStartMessageSaysWhoCanReachPeduli() {
        assertThat(StartupMessage.text(8080, "127.0.0.1", true))
                .isEqualTo("Peduli is ready: open http://localhost:8080/ (demo mode: listening on 127.0.0.1, this"
                        + " computer only)");
        assertThat(StartupMessage.text(8080, "", false))
                .isEqualTo("Peduli is ready: open http://localhost:8080/ (listening on every network address of this"
                        + " computer)");
        assertThat(StartupMessage.text(8080, "192.168.1.20", false))
                .isEqualTo("Peduli is ready: open http://192.168.1.20:8080/ (listening on 192.168.1.20)");
    }

    private static String addressAfterStart(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new DemoModeAddress().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("server.address");
    }
}
