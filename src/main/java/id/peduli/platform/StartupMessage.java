package id.peduli.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Peduli where to open it, and who else can reach it. */
@Component
class StartupMessage {

    private static final Logger log = LoggerFactory.getLogger("id.peduli");
    private final RunMode runMode;

    StartupMessage(RunMode runMode) {
        this.runMode = runMode;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String address = event.getApplicationContext().getEnvironment().getProperty("server.address", "");
            log.info(text(web.getWebServer().getPort(), address, runMode.demo()));
        }
    }

    static String text(int port, String address, boolean demo) {
        String where = address == null ? "" : address.strip();
        if (where.isEmpty()) {
            return "Peduli is ready: open http://localhost:" + port + "/ (listening on every network address of this"
                    + " computer)";
        }
        boolean loopback = DemoModeAddress.loopback(where);
        String host = loopback ? "localhost" : (where.contains(":") ? "[" + where + "]" : where);
        String reach = loopback
                ? (demo
                        ? " (demo mode: listening on " + where + ", this computer only)"
                        : " (listening on " + where + ", this computer only)")
                : " (listening on " + where + ")";
        return "Peduli is ready: open http://" + host + ":" + port + "/" + reach;
    }
}
