package id.peduli.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in {@code peduli.time-zone} (Asia/Jakarta unless set). Every "today" and "this
 * month" is taken from it, so a session recorded on a Jakarta morning is dated that day even on a server that runs in
 * UTC, where it is still yesterday until 07:00.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${peduli.time-zone}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
