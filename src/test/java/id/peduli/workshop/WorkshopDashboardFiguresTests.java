package id.peduli.workshop;

import static id.peduli.workshop.WorkshopTestSupport.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.Access;
import id.peduli.indicator.IndicatorDefinition;
import id.peduli.indicator.IndicatorValue;
import id.peduli.indicator.Indicators;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's faster reads give the figures of the slower ones they replace: the caller's sites resolved in one
 * query are those the grant check per site gave, the stored earnings of approved runs give the medians computed over
 * the payout lines, and another source's indicator read directly gives what the indicator extension point gives.
 */
@PeduliTest
class WorkshopDashboardFiguresTests {

    /** The median earnings as computed over the payout lines before they were stored. */
    private static final String MEDIAN_FROM_LINES = """
            with units as (
                select u.site, u.unit from unnest(string_to_array(:sites, ',')::bigint[],
                    string_to_array(:groups, ',')::bigint[]) as u(site, unit))
            select u.unit, pr.period as month, percentile_cont(0.5) within group (order by l.amount) as v
            from units u join workshop.payout_run pr on pr.site_id = u.site
            join workshop.payout_line l on l.run_id = pr.id
            where pr.status = 'APPROVED' and pr.period >= :from and pr.period < :to group by 1, 2
            """;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkshopIndicators indicators;

    @Autowired
    Sites sites;

    @Autowired
    Access access;

    @Autowired
    DashboardData data;

    @Autowired
    Indicators extensionPoint;

    @Autowired
    Payouts payouts;

    @Test
    void theCallersSitesAreThoseTheGrantCheckOfEachSiteGives() {
        List<Long> all = jdbc.sql("select site_id from workshop.site_profile")
                .query(Long.class)
                .list();
        for (String user : List.of(
                MANAGER, "kepala.kartini", WorkshopTestSupport.MENTOR, "pekerja.alyatama", "logistik.alyatama")) {
            WorkshopTestSupport.asUser(context, user, () -> {
                Set<Long> oneByOne = all.stream()
                        .filter(id -> access.covers(id, WorkshopRoles.CASE_READ))
                        .collect(Collectors.toSet());
                assertThat(sites.visible(WorkshopRoles.CASE_READ))
                        .as(user)
                        .extracting(SiteView::id)
                        .containsExactlyInAnyOrderElementsOf(oneByOne);
                assertThat(sites.coveredIds(WorkshopRoles.CASE_READ)).as(user).isEqualTo(oneByOne);
                return null;
            });
        }
        // the mentor reads his own site only; the manager all of the centre's
        WorkshopTestSupport.asUser(context, WorkshopTestSupport.MENTOR, () -> {
            assertThat(sites.visible(WorkshopRoles.CASE_READ))
                    .extracting(SiteView::name)
                    .containsExactly("SW Peduli Temanggung");
            return null;
        });
    }

    @Test
    void storedMediansOfApprovedRunsAreTheMediansOfTheirPayoutLines() {
        YearMonth last = Today.month();
        YearMonth first = last.minusMonths(13);
        List<Long> all = jdbc.sql("select site_id from workshop.site_profile order by site_id")
                .query(Long.class)
                .list();
        assertThat(jdbc.sql("select count(*) from workshop.site_month_earnings")
                        .query(Long.class)
                        .single())
                .as("the demo's approved runs are stored")
                .isPositive();
        // one group per site, the sites of each centre, and every site together
        Map<Long, Long> perSite = new HashMap<>();
        Map<Long, Long> perCentre = new HashMap<>();
        Map<Long, Long> together = new HashMap<>();
        for (Long site : all) {
            perSite.put(site, site);
            perCentre.put(site, sites.get(site).centreId());
            together.put(site, 0L);
        }
        for (Map<Long, Long> groups : List.of(perSite, perCentre, together)) {
            Map<String, BigDecimal> stored = byKey(indicators.grouped("WS_EARNINGS_MEDIAN", groups, first, last));
            Map<String, BigDecimal> fromLines = fromLines(groups, first, last);
            assertThat(stored).isNotEmpty();
            assertThat(stored).isEqualTo(fromLines);
        }
    }

    @Test
    void approvingARunStoresItsSortedAmountsAndMedianAndADraftStaysOut() {
        long site = WorkshopTestSupport.freshSite(context, "SW Uji Median");
        LocalDate period = Today.month().minusMonths(2).atDay(1);
        long run = jdbc.sql("""
                        insert into workshop.payout_run (site_id, period, status, rule_kind, fund_basis_points, pool,
                            group_fund, paid_total)
                        values (?, ?, 'DRAFT', 'PIECE_RATE', 1000, 1000, 100, 900) returning id
                        """).params(site, period).query(Long.class).single();
        long[] amounts = {400, 100, 250, 150};
        for (int i = 0; i < amounts.length; i++) {
            jdbc.sql("""
                            insert into workshop.payout_line (run_id, enrolment_id, person_id, days_attended,
                                accepted_units, minutes, gross, share, adjustment, amount, working)
                            values (?, ?, 0, 1, 1, 60, ?, ?, 0, ?, '')
                            """)
                    .params(run, -1_000_000L - run * 10 - i, amounts[i], amounts[i], amounts[i])
                    .update();
        }
        assertThat(stored(site)).as("a draft is not counted").isEmpty();
        assertThat(indicators.grouped(
                        "WS_EARNINGS_MEDIAN", Map.of(site, site), YearMonth.from(period), YearMonth.from(period)))
                .isEmpty();

        WorkshopTestSupport.asUser(context, MANAGER, () -> payouts.approve(run, 0));

        assertThat(stored(site)).containsExactly("200.0|{100,150,250,400}|4");
        assertThat(indicators.grouped(
                        "WS_EARNINGS_MEDIAN", Map.of(site, site), YearMonth.from(period), YearMonth.from(period)))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("200"));
        // with a second site in the group, the median is over both sites' lines, not a median of medians
        long other = WorkshopTestSupport.freshSite(context, "SW Uji Median Dua");
        long otherRun = jdbc.sql("""
                        insert into workshop.payout_run (site_id, period, status, rule_kind, fund_basis_points, pool,
                            group_fund, paid_total)
                        values (?, ?, 'DRAFT', 'PIECE_RATE', 1000, 1000, 100, 900) returning id
                        """).params(other, period).query(Long.class).single();
        jdbc.sql("""
                        insert into workshop.payout_line (run_id, enrolment_id, person_id, days_attended,
                            accepted_units, minutes, gross, share, adjustment, amount, working)
                        values (?, ?, 0, 1, 1, 60, 1000, 1000, 0, 1000, '')
                        """).params(otherRun, -2_000_000L - otherRun).update();
        Map<Long, Long> both = Map.of(site, 1L, other, 1L);
        YearMonth month = YearMonth.from(period);
        assertThat(indicators.grouped("WS_EARNINGS_MEDIAN", both, month, month))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("200"));
        // the group's median kept from the reading above is computed again once the second run is approved
        WorkshopTestSupport.asUser(context, MANAGER, () -> payouts.approve(otherRun, 0));
        assertThat(indicators.grouped("WS_EARNINGS_MEDIAN", both, month, month))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("250"));
    }

    @Test
    void keptFiguresOfAGroupFollowAChangedSalePrice() {
        long site = WorkshopTestSupport.freshSite(context, "SW Uji Harga");
        ProductView product = WorkshopTestSupport.product(context, site, "HARGA-UJI", 1_000);
        YearMonth month = Today.month().minusMonths(4);
        jdbc.sql("""
                        insert into workshop.site_month_product (site_id, month, product_id, accepted)
                        values (?, ?, ?, 10)
                        """).params(site, month.atDay(1), product.id()).update();
        Map<Long, Long> group = Map.of(site, 9L);
        assertThat(indicators.grouped("WS_PRODUCTION_VALUE", group, month, month))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("10000"));

        WorkshopTestSupport.asUser(
                context,
                MANAGER,
                () -> context.getBean(Products.class)
                        .update(
                                product.id(),
                                product.version(),
                                new ProductCommand(product.code(), product.name(), product.unit(), 1_500L, true)));

        assertThat(indicators.grouped("WS_PRODUCTION_VALUE", group, month, month))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("15000"));
    }

    @Test
    void anotherSourcesIndicatorOnTheDashboardIsWhatTheExtensionPointAnswersForEachSite() {
        YearMonth to = Today.month();
        YearMonth from = to.minusMonths(11);
        WorkshopTestSupport.asUser(context, MANAGER, () -> {
            DashboardFilter filter = data.filter("site", null, null, from, to);
            List<IndicatorDefinition> definitions = data.definitions();
            int sales = -1;
            for (int i = 0; i < definitions.size(); i++) {
                if (definitions.get(i).code().equals("WS_SALES")) {
                    sales = i;
                }
            }
            assertThat(sales).as("the sales indicator is on the dashboard").isNotNegative();
            Set<Long> chosen = filter.chosen().stream().map(SiteView::id).collect(Collectors.toSet());
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (IndicatorValue v : extensionPoint.values("WS_SALES", chosen, from, to)) {
                expected.put(v.unitId() + "|" + v.period(), v.value().stripTrailingZeros());
            }
            assertThat(expected).as("the demo has sales").isNotEmpty();
            Map<String, BigDecimal> shown = new TreeMap<>();
            for (DashboardRow row : data.rows(filter, definitions, null)) {
                String v = row.values().get(sales);
                if (v != null) {
                    shown.put(row.key() + "|" + row.month(), new BigDecimal(v).stripTrailingZeros());
                }
            }
            assertThat(shown).isEqualTo(expected);
            return null;
        });
    }

    private List<String> stored(long site) {
        return jdbc.sql("select median, amounts::text, lines from workshop.site_month_earnings where site_id = ?")
                .param(site)
                .query((rs, n) -> rs.getBigDecimal(1).setScale(1, RoundingMode.HALF_UP) + "|" + rs.getString(2) + "|"
                        + rs.getInt(3))
                .list();
    }

    private Map<String, BigDecimal> fromLines(Map<Long, Long> groups, YearMonth from, YearMonth to) {
        List<String> sites = new ArrayList<>();
        List<String> units = new ArrayList<>();
        groups.forEach((s, g) -> {
            sites.add(String.valueOf(s));
            units.add(String.valueOf(g));
        });
        Map<String, BigDecimal> out = new TreeMap<>();
        jdbc.sql(MEDIAN_FROM_LINES)
                .param("sites", String.join(",", sites))
                .param("groups", String.join(",", units))
                .param("from", from.atDay(1))
                .param("to", to.plusMonths(1).atDay(1))
                .query(rs -> {
                    BigDecimal value = rs.getBigDecimal("v");
                    out.put(
                            rs.getLong("unit") + "|" + YearMonth.from(rs.getObject("month", LocalDate.class)),
                            value.setScale(Math.min(1, Math.max(0, value.scale())), RoundingMode.HALF_UP)
                                    .stripTrailingZeros());
                });
        return out;
    }

    private static Map<String, BigDecimal> byKey(List<IndicatorValue> values) {
        Map<String, BigDecimal> out = new TreeMap<>();
        values.forEach(v -> out.put(v.unitId() + "|" + v.period(), v.value().stripTrailingZeros()));
        return out;
    }
}
