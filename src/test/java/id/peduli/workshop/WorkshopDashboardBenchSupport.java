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

    /**
     * Times each step of the dashboard's work per province for {@code from}..{@code to} in this JVM, as {@code
     * username}, and answers one line per step: milliseconds (the best of {@code repeat} tries) and the number of SQL
     * statements it sent (from {@code statements}). Then the query plan of each own indicator's SQL, with its times.
     */
    public static List<String> profile(
            ApplicationContext context,
            String username,
            YearMonth from,
            YearMonth to,
            int repeat,
            java.util.function.LongSupplier statements) {
        DashboardData data = context.getBean(DashboardData.class);
        Sites sites = context.getBean(Sites.class);
        WorkshopIndicators own = context.getBean(WorkshopIndicators.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        return WorkshopTestSupport.asUser(context, username, () -> {
            List<String> out = new ArrayList<>();
            step(
                    out,
                    "Sites.visible (the caller's sites)",
                    repeat,
                    statements,
                    () -> sites.visible(WorkshopRoles.CASE_READ));
            DashboardFilter filter = data.filter("province", null, null, from, to);
            step(
                    out,
                    "DashboardData.filter (includes Sites.visible)",
                    repeat,
                    statements,
                    () -> data.filter("province", null, null, from, to));
            step(out, "DashboardData.definitions", repeat, statements, data::definitions);
            java.util.Map<Long, Long> groupOfSite = new java.util.LinkedHashMap<>();
            List<String> provinces = filter.chosen().stream()
                    .map(DashboardData::provinceOf)
                    .distinct()
                    .sorted()
                    .toList();
            filter.chosen()
                    .forEach(s -> groupOfSite.put(s.id(), (long) provinces.indexOf(DashboardData.provinceOf(s))));
            DashboardFilter bySite = data.filter("site", null, null, from, to);
            step(
                    out,
                    "DashboardData.rows per site, every indicator (the page's path)",
                    repeat,
                    statements,
                    () -> data.rows(bySite, data.definitions(), null));
            for (var d : data.definitions()) {
                String label = own.owns(d.code())
                        ? "indicator " + d.code()
                        : "indicator " + d.code() + " via Indicators.values (not the page's path)";
                step(
                        out,
                        label,
                        repeat,
                        statements,
                        () -> own.owns(d.code())
                                ? own.grouped(d.code(), groupOfSite, from, to)
                                : context.getBean(id.peduli.indicator.Indicators.class)
                                        .values(d.code(), groupOfSite.keySet(), from, to));
            }
            StringBuilder siteList = new StringBuilder();
            StringBuilder groupList = new StringBuilder();
            groupOfSite.forEach((site, group) -> {
                siteList.append(siteList.isEmpty() ? "" : ",").append(site);
                groupList.append(groupList.isEmpty() ? "" : ",").append(group);
            });
            groupMedianAfterApproval(
                    out, context, groupOfSite, siteList.toString(), groupList.toString(), from, to, repeat);
            for (var d : own.definitions()) {
                String sql = WorkshopIndicators.explainable(d.code());
                if (sql == null) {
                    continue;
                }
                out.add("plan of " + d.code() + ":");
                jdbc.sql("explain (analyze, buffers) " + sql)
                        .param("sites", siteList.toString())
                        .param("groups", groupList.toString())
                        .param("from", from.atDay(1))
                        .param("to", to.plusMonths(1).atDay(1))
                        .query(String.class)
                        .list()
                        .forEach(line -> out.add("    " + line));
            }
            return out;
        });
    }

    /**
     * The first dashboard request after a payout approval computes each group's median earnings again. Times that
     * through the module (kept figures dropped by moving the version, as an approval does, memory for the sort as
     * merged) against the same SQL at the server's default {@code work_mem} (the baseline, as before), alternating,
     * and prints the plan of each.
     */
    private static void groupMedianAfterApproval(
            List<String> out,
            ApplicationContext context,
            java.util.Map<Long, Long> groupOfSite,
            String sites,
            String groups,
            YearMonth from,
            YearMonth to,
            int repeat) {
        WorkshopIndicators own = context.getBean(WorkshopIndicators.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        var transaction = new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        String sql = WorkshopIndicators.explainable("WS_EARNINGS_MEDIAN");
        java.util.function.Function<String, org.springframework.jdbc.core.simple.JdbcClient.StatementSpec> median =
                prefix -> jdbc.sql(prefix + sql)
                        .param("sites", sites)
                        .param("groups", groups)
                        .param("from", from.atDay(1))
                        .param("to", to.plusMonths(1).atDay(1));
        List<Double> merged = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            jdbc.sql("update workshop.month_earnings_mark set version = version + 1 where id = 1")
                    .update();
            long t0 = System.nanoTime();
            own.grouped("WS_EARNINGS_MEDIAN", groupOfSite, from, to);
            merged.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            median.apply("").query().listOfRows();
            baseline.add((System.nanoTime() - t1) / 1e6);
        }
        out.add(String.format(
                "group median after an approval, through the module (work_mem %s): %s ms",
                WorkshopIndicators.GROUP_MEDIAN_WORK_MEM, times(merged)));
        out.add(String.format(
                "baseline: the same SQL at the server's default work_mem (%s): %s ms",
                jdbc.sql("show work_mem").query(String.class).single(), times(baseline)));
        out.add("plan of WS_EARNINGS_MEDIAN at the default work_mem:");
        median.apply("explain (analyze, buffers) ").query(String.class).list().forEach(line -> out.add("    " + line));
        out.add("plan of WS_EARNINGS_MEDIAN at work_mem " + WorkshopIndicators.GROUP_MEDIAN_WORK_MEM + ":");
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select set_config('work_mem', :memory, true)")
                    .param("memory", WorkshopIndicators.GROUP_MEDIAN_WORK_MEM)
                    .query(String.class)
                    .single();
            median.apply("explain (analyze, buffers) ")
                    .query(String.class)
                    .list()
                    .forEach(line -> out.add("    " + line));
        });
    }

    private static String times(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(
                "median %.1f, best %.1f (runs %s)",
                sorted.get(sorted.size() / 2),
                sorted.get(0),
                millis.stream().map(m -> String.format("%.0f", m)).collect(java.util.stream.Collectors.joining(", ")));
    }

    private static void step(
            List<String> out,
            String name,
            int repeat,
            java.util.function.LongSupplier statements,
            java.util.function.Supplier<?> action) {
        long best = Long.MAX_VALUE;
        long queries = 0;
        for (int i = 0; i < repeat; i++) {
            long q0 = statements.getAsLong();
            long t0 = System.nanoTime();
            action.get();
            best = Math.min(best, System.nanoTime() - t0);
            queries = statements.getAsLong() - q0;
        }
        out.add(String.format("%-55s %8.1f ms %6d statements", name, best / 1e6, queries));
    }

    /** The first site's centre id, for the benchmark's products. */
    public static long centreOf(ApplicationContext context, long siteId) {
        return context.getBean(Sites.class).get(siteId).centreId();
    }
}
