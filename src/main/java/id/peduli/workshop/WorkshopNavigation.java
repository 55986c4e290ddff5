package id.peduli.workshop;

import id.peduli.audit.AuditActions;
import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workshop's menu entries and the audit actions it declares. */
@Configuration(proxyBeanMethods = false)
class WorkshopNavigation {

    @Bean
    NavContributor workshopNav() {
        return () -> List.of(
                new NavItem("main", "nav.workshopSites", "/workshop/sites", 300, Set.of(WorkshopRoles.READ)),
                new NavItem("main", "nav.workshopProducts", "/workshop/products", 310, Set.of(WorkshopRoles.READ)),
                new NavItem(
                        "main", "nav.workshopDashboard", "/workshop/dashboard", 320, Set.of(WorkshopRoles.CASE_READ)));
    }

    @Bean
    AuditActions workshopAuditActions() {
        return () -> List.of(
                Sites.REGISTER_SITE,
                Sites.ADD_MENTOR,
                Sites.RECORD_TRAINING,
                SessionRecorder.RECORD_SESSION,
                Payouts.SET_EARNINGS_RULE,
                Payouts.COMPUTE_PAYOUT,
                Payouts.APPROVE_PAYOUT,
                Payouts.ADJUST_PAYOUT,
                Payouts.PAY,
                Placements.PLACE,
                Placements.FOLLOW_UP,
                Placements.SEPARATE);
    }
}
