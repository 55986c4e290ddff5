package id.peduli.audit;

import id.peduli.platform.HomeTask;
import id.peduli.platform.HomeTaskSource;
import id.peduli.platform.PeduliPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The processing log on the home page of an auditor or data protection officer: today's refused attempts. */
@Component
class AuditHomeTasks implements HomeTaskSource {

    private final AuditTrail trail;
    private final Clock clock;
    private final ZoneId zone;

    AuditHomeTasks(AuditTrail trail, Clock clock, @Value("${peduli.time-zone}") String zone) {
        this.trail = trail;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public List<HomeTask> tasks(PeduliPrincipal user) {
        String[] roles = Arrays.stream(AuditRoles.READ).filter(user::hasRole).toArray(String[]::new);
        if (roles.length == 0) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        AuditFilter refusedToday = new AuditFilter(null, AuditAction.REFUSED.code(), null, null, null, today, today);
        long refused = trail.search(refusedToday, 0, 1).total();
        return List.of(
                HomeTask.task("home.audit.refusedToday", refused, "/audit?" + refusedToday.query(), 300, roles),
                HomeTask.action("home.audit.open", "/audit", 350, roles));
    }
}
