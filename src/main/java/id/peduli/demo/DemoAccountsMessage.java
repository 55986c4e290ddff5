package id.peduli.demo;

import id.peduli.platform.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** In demo mode, prints how to sign in. */
@Component
class DemoAccountsMessage {

    private static final Logger log = LoggerFactory.getLogger("id.peduli");
    private final RunMode runMode;
    private final String password;

    DemoAccountsMessage(RunMode runMode, @Value("${peduli.demo.password}") String password) {
        this.runMode = runMode;
        this.password = password;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (runMode.demo()) {
            log.info(
                    "Demo mode: sign in as admin (or dpo, auditor, kepala.kartini, pekerja.alyatama, sekretariat, "
                            + "evaluator, ...) with the password {} (demo accounts work in demo mode only)",
                    password);
        }
    }
}
