package id.peduli.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode prints known passwords on the sign-in page, so it stays on this computer: with demo mode on and no
 * {@code server.address} configured, Peduli listens on 127.0.0.1 only; a configured address other computers can
 * reach is refused before anything starts ({@link DemoModeAddressFailureAnalyzer} explains what to do). Demo mode
 * is decided as in {@link RunMode}: on by default with the embedded database, or as {@code PEDULI_DEMO} says.
 */
class DemoModeAddress implements EnvironmentPostProcessor, Ordered {

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!demo(environment)) {
            return;
        }
        String address = environment.getProperty("server.address", "").strip();
        if (address.isEmpty()) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("peduliDemoLoopback", Map.of("server.address", LOOPBACK)));
        } else if (!loopback(address)) {
            throw new Refused(address);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static boolean demo(ConfigurableEnvironment environment) {
        String setting = environment.getProperty("peduli.demo.enabled", "").strip();
        if (setting.isEmpty()) {
            return environment.getProperty("spring.datasource.url", "").isBlank();
        }
        return Boolean.parseBoolean(setting);
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Demo mode was asked to listen on an address other computers can reach. */
    static class Refused extends IllegalStateException {

        private final String address;

        Refused(String address) {
            super("Demo mode listens on this computer only; refused server.address=" + address);
            this.address = address;
        }

        String address() {
            return address;
        }
    }
}
