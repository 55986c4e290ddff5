package id.peduli.demo;

import id.peduli.platform.DemoSeed;
import id.peduli.platform.RunMode;
import java.util.stream.Collectors;
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
    private final DemoSeeds seeds;

    DemoAccountsMessage(RunMode runMode, @Value("${peduli.demo.password}") String password, DemoSeeds seeds) {
        this.runMode = runMode;
        this.password = password;
        this.seeds = seeds;
    }

    /** The usernames of every seed's demo accounts, in the order the seeds run. */
    String usernames() {
        return seeds.seeds().stream()
                .flatMap(seed -> seed.accounts().stream())
                .map(DemoSeed.Account::username)
                .collect(Collectors.joining(", "));
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (runMode.demo()) {
            log.info(
                    "Demo mode: sign in as one of {} with the password {} (demo accounts work in demo mode only)",
                    usernames(),
                    password);
        }
    }
}
