package id.peduli.platform;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How this instance runs: on the embedded PostgreSQL or an external one, and whether demo data and demo accounts
 * are active. Demo mode is on by default with the embedded database and off with an external one unless
 * {@code PEDULI_DEMO=true}.
 */
@Component
public class RunMode {

    private final boolean embedded;
    private final int embeddedPort;
    private final boolean demo;

    RunMode(ObjectProvider<Embedded> embeddedMarker, @Value("${peduli.demo.enabled:}") String demoSetting) {
        Optional<Embedded> marker = Optional.ofNullable(embeddedMarker.getIfAvailable());
        this.embedded = marker.isPresent();
        this.embeddedPort = marker.map(Embedded::port).orElse(0);
        this.demo = demoSetting == null || demoSetting.isBlank() ? embedded : Boolean.parseBoolean(demoSetting.trim());
    }

    public boolean embedded() {
        return embedded;
    }

    public int embeddedPort() {
        return embeddedPort;
    }

    public boolean demo() {
        return demo;
    }

    record Embedded(int port) {}
}
