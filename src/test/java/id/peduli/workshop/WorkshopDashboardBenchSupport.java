package id.peduli.workshop;

import id.peduli.organization.OrgUnitCommand;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the dashboard benchmark (package {@code bench}) may call of the workshop. */
public final class WorkshopDashboardBenchSupport {

    private WorkshopDashboardBenchSupport() {}

    /**
     * Creates {@code count} SITE units under the centre of the site named {@code besideSite}, each in one of {@code
     * regions} in turn, and registers them as workshop sites. Answers their ids.
     */
    public static List<Long> sites(ApplicationContext context, String besideSite, int count, List<String> regions) {
        long centre = context.getBean(Sites.class)
                .get(WorkshopTestSupport.site(context, besideSite))
                .centreId();
        Organizations organizations = context.getBean(Organizations.class);
        Sites sites = context.getBean(Sites.class);
        return WorkshopTestSupport.asUser(context, "admin", () -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long id = organizations
                        .create(new OrgUnitCommand(
                                centre,
                                "SW Bench " + (i + 1),
                                null,
                                OrgUnitType.SITE,
                                regions.get(i % regions.size()),
                                null,
                                true,
                                false))
                        .id();
                sites.register(id, SiteCommand.empty());
                ids.add(id);
            }
            return ids;
        });
    }

    /** Computes and approves the month's payout runs of the sites (a piece rate of {@code rate} per unit). */
    public static void approvedRuns(
            ApplicationContext context, YearMonth period, List<Long> siteIds, List<Long> productIds, long rate) {
        WorkshopBenchSupport.runAll(context, period, siteIds, productIds, rate);
        context.getBean(JdbcClient.class)
                .sql("update workshop.payout_run set status = 'APPROVED', approved_at = now() where period = :p"
                        + " and site_id in (:sites)")
                .param("p", period.atDay(1))
                .param("sites", siteIds)
                .update();
    }

    /** Brings the monthly figures up to date, as the first dashboard request after the load would. */
    public static void refreshMonthFigures(ApplicationContext context) {
        context.getBean(WorkshopMonthFigures.class).refresh();
    }

    /** The first site's centre id, for the benchmark's products. */
    public static long centreOf(ApplicationContext context, long siteId) {
        return context.getBean(Sites.class).get(siteId).centreId();
    }
}
