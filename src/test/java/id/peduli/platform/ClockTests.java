package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliTest;
import id.peduli.Today;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

@PeduliTest
class ClockTests {

    @Autowired
    Clock clock;

    @Autowired
    Environment environment;

    @Test
    void theApplicationTakesItsDatesInTheConfiguredZoneAndNotTheServers() {
        ZoneId configured = ZoneId.of(environment.getRequiredProperty("peduli.time-zone"));
        assertThat(clock.getZone()).isEqualTo(configured).isEqualTo(Today.ZONE);
        LocalDate before = Today.date();
        LocalDate seen = LocalDate.now(clock);
        assertThat(seen).isBetween(before, Today.date());
    }
}
