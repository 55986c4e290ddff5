package id.peduli.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Peduli where to open it. */
@Component
class StartupMessage {

    private static final Logger log = LoggerFactory.getLogger("id.peduli");

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info(
                    "Peduli is ready: open http://localhost:{}/",
                    web.getWebServer().getPort());
        }
    }
}
