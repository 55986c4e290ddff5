package id.peduli.workshop;

import id.peduli.indicator.IndicatorDefinition;
import id.peduli.indicator.IndicatorSource;
import id.peduli.indicator.IndicatorValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workshop's figures per unit and month, from its own tables. A unit is a site, or a centre (then its sites
 * together). Participants active: distinct participants present at least once. Attendance rate: present marks out of
 * all marks, in percent. Production value: accepted units at the product's sale price, in rupiah. Median earnings: the
 * median amount of the month's approved payout lines, in rupiah. Placements: placements started in the month.
 * Retention at 90 days: of the 90-day follow-ups done in the month, the share still employed, in percent. Retention at
 * 12 months: of the placements started twelve months before the month, the share whose 365-day follow-up recorded them
 * still employed, in percent (a placement whose follow-up is not done counts as not retained).
 *
 * <p>Attendance and production figures are read from the monthly figures per site that {@link WorkshopMonthFigures}
 * keeps up to date with the records, so that a year of a large programme is read quickly. Median earnings are read from
 * {@code workshop.site_month_earnings}: the sorted amounts and the median of each approved run, written by a database
 * trigger in the transaction that approves the run (an approved run is frozen, so the row never goes stale; the
 * migration wrote it for the runs approved before). One site's median is read as stored; a group's is computed over
 * the group's amounts, exactly as over its payout lines.
 *
 * <p>Besides the units of the extension point, {@link #grouped} answers the same figures for any grouping of sites
 * (such as the provinces on the programme dashboard), computed over the group's records rather than from the sites'
 * figures, so that rates and medians stay exact.
 */
@Component
class WorkshopIndicators implements IndicatorSource {

    static final List<String> ROLES = List.of("PROGRAM_MANAGER", "UNIT_HEAD", "SOCIAL_WORKER", "SITE_MENTOR");

    private static final java.util.Set<String> FROM_MONTH_FIGURES =
            java.util.Set.of("WS_PARTICIPANTS_ACTIVE", "WS_ATTENDANCE_RATE", "WS_PRODUCTION_VALUE");

    /** Memory for the sort of a group's median earnings (see {@link #query}); the server's default is 4 MB. */
    static final String GROUP_MEDIAN_WORK_MEM = "64MB";

    private static final String UNITS = """
            with units as (
                select u.site, u.unit from unnest(string_to_array(:sites, ',')::bigint[],
                    string_to_array(:groups, ',')::bigint[]) as u(site, unit))
            """;

    /**
     * The version of the monthly figures: the record ids they include ({@link WorkshopMonthFigures} moves them in the
     * transaction that changes the figures) and the products' sale prices, which production value is counted at.
     */
    private static final String FIGURES_VERSION = """
            select m.attendance_id || ':' || m.production_id || ':' || coalesce((select md5(string_agg(
                p.id || ':' || p.sale_price, ',' order by p.id)) from workshop.product p), '')
            from workshop.month_figures_mark m where m.id = 1
            """;

    /**
     * Figures already computed for a request shape (indicator, months, sites and their groups), with the version of
     * the tables they were computed from; see {@link #query}.
     */
    private final Map<String, Kept> kept =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                    return size() > 64;
                }
            });

    private final JdbcClient jdbc;
    private final WorkshopMonthFigures figures;
    private final Clock clock;
    private final TransactionTemplate transaction;

    WorkshopIndicators(
            JdbcClient jdbc, WorkshopMonthFigures figures, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return List.of(
                new IndicatorDefinition(
                        "WS_PARTICIPANTS_ACTIVE",
                        "indicator.WS_PARTICIPANTS_ACTIVE",
                        "indicator.measure.people",
                        ROLES),
                new IndicatorDefinition(
                        "WS_ATTENDANCE_RATE", "indicator.WS_ATTENDANCE_RATE", "indicator.measure.percent", ROLES),
                new IndicatorDefinition(
                        "WS_PRODUCTION_VALUE", "indicator.WS_PRODUCTION_VALUE", "indicator.measure.rupiah", ROLES),
                new IndicatorDefinition(
                        "WS_EARNINGS_MEDIAN", "indicator.WS_EARNINGS_MEDIAN", "indicator.measure.rupiah", ROLES),
                new IndicatorDefinition("WS_PLACEMENTS", "indicator.WS_PLACEMENTS", "indicator.measure.people", ROLES),
                new IndicatorDefinition(
                        "WS_RETENTION_90", "indicator.WS_RETENTION_90", "indicator.measure.percent", ROLES),
                new IndicatorDefinition(
                        "WS_RETENTION_365", "indicator.WS_RETENTION_365", "indicator.measure.percent", ROLES));
    }

    @Override
    public List<IndicatorValue> values(String code, Set<Long> unitIds, YearMonth from, YearMonth to) {
        if (unitIds.isEmpty() || sql(code) == null) {
            return List.of();
        }
        List<long[]> pairs = new ArrayList<>();
        jdbc.sql("""
                        select s.site_id, s.site_id from workshop.site_profile s where s.site_id in (:units)
                        union all
                        select s.site_id, s.centre_id from workshop.site_profile s where s.centre_id in (:units)
                        """).param("units", unitIds).query(rs -> {
            pairs.add(new long[] {rs.getLong(1), rs.getLong(2)});
        });
        return query(code, pairs, from, to);
    }

    /**
     * The figures of {@code code} per group of sites and month: {@code groupOfSite} maps each site to the number of
     * its group, and each {@link IndicatorValue#unitId()} answered is such a group number. Only for this module's own
     * indicators; empty for another code.
     */
    List<IndicatorValue> grouped(String code, Map<Long, Long> groupOfSite, YearMonth from, YearMonth to) {
        if (groupOfSite.isEmpty() || sql(code) == null) {
            return List.of();
        }
        List<long[]> pairs = new ArrayList<>();
        groupOfSite.forEach((site, group) -> pairs.add(new long[] {site, group}));
        return query(code, pairs, from, to);
    }

    /** True for the codes this source computes itself. */
    boolean owns(String code) {
        return sql(code) != null;
    }

    private List<IndicatorValue> query(String code, List<long[]> pairs, YearMonth from, YearMonth to) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        if (FROM_MONTH_FIGURES.contains(code)) {
            figures.refresh();
        }
        StringBuilder siteList = new StringBuilder();
        StringBuilder unitList = new StringBuilder();
        java.util.Map<Long, Long> sitesPerUnit = new java.util.HashMap<>();
        for (long[] pair : pairs) {
            siteList.append(siteList.isEmpty() ? "" : ",").append(pair[0]);
            unitList.append(unitList.isEmpty() ? "" : ",").append(pair[1]);
            sitesPerUnit.merge(pair[1], 1L, Long::sum);
        }
        boolean perSite = sitesPerUnit.values().stream().allMatch(n -> n == 1);
        String sql = code.equals("WS_EARNINGS_MEDIAN") && perSite ? EARNINGS_MEDIAN_PER_SITE : sql(code);
        Instant now = clock.instant();
        // Figures read from tables kept by this module are kept per request shape until those tables change: the
        // version is read before the figures, so a change in between makes them be computed again next time.
        String version = null;
        if (code.equals("WS_EARNINGS_MEDIAN") && !perSite) {
            // a group's median sorts all its amounts
            version = jdbc.sql("select 'e' || version from workshop.month_earnings_mark where id = 1")
                    .query(String.class)
                    .single();
        } else if (FROM_MONTH_FIGURES.contains(code)) {
            version = jdbc.sql(FIGURES_VERSION).query(String.class).single();
        }
        String key = version == null ? null : code + "|" + from + "|" + to + "|" + siteList + "|" + unitList;
        if (key != null) {
            Kept kept = this.kept.get(key);
            if (kept != null && kept.version().equals(version)) {
                return kept.values().stream()
                        .map(v -> new IndicatorValue(v.code(), v.unitId(), v.period(), v.value(), now))
                        .toList();
            }
        }
        List<IndicatorValue> values = new ArrayList<>();
        String query = sql;
        Runnable read = () -> jdbc.sql(UNITS + query)
                .param("sites", siteList.toString())
                .param("groups", unitList.toString())
                .param("from", from.atDay(1))
                .param("to", to.plusMonths(1).atDay(1))
                .query(rs -> {
                    BigDecimal value = rs.getBigDecimal("v");
                    values.add(new IndicatorValue(
                            code,
                            rs.getLong("unit"),
                            YearMonth.from(rs.getObject("month", LocalDate.class)),
                            value == null
                                    ? BigDecimal.ZERO
                                    : value.setScale(Math.min(1, Math.max(0, value.scale())), RoundingMode.HALF_UP),
                            now));
                });
        if (code.equals("WS_EARNINGS_MEDIAN") && !perSite) {
            // A group's median sorts every amount of the group's months (240,000 for a year of 1,000 sites), which
            // spills to disk at the server's default work_mem; this one query gets enough memory to sort in place.
            transaction.executeWithoutResult(status -> {
                jdbc.sql("select set_config('work_mem', :memory, true)")
                        .param("memory", GROUP_MEDIAN_WORK_MEM)
                        .query(String.class)
                        .single();
                read.run();
            });
        } else {
            read.run();
        }
        if (key != null) {
            this.kept.put(key, new Kept(version, List.copyOf(values)));
        }
        return values;
    }

    private record Kept(String version, List<IndicatorValue> values) {}

    /** The median earnings when every unit is one site: the median stored with the site's month, as it is. */
    private static final String EARNINGS_MEDIAN_PER_SITE = """
            select u.unit, e.month, e.median::numeric as v
            from units u join workshop.site_month_earnings e on e.site_id = u.site
            where e.month >= :from and e.month < :to
            """;

    /** The whole query of an own indicator (with its named parameters), for the benchmark's query plans. */
    static String explainable(String code) {
        String sql = sql(code);
        return sql == null ? null : UNITS + sql;
    }

    private static String sql(String code) {
        return switch (code) {
            case "WS_PARTICIPANTS_ACTIVE" -> """
                    select u.unit, m.month, sum(m.participants_active) as v
                    from units u join workshop.site_month m on m.site_id = u.site
                    where m.present_marks > 0 and m.month >= :from and m.month < :to group by 1, 2
                    """;
            case "WS_ATTENDANCE_RATE" -> """
                    select u.unit, m.month, round(100.0 * sum(m.present_marks) / sum(m.marks), 1) as v
                    from units u join workshop.site_month m on m.site_id = u.site
                    where m.month >= :from and m.month < :to group by 1, 2
                    """;
            case "WS_PRODUCTION_VALUE" -> """
                    select u.unit, m.month, sum(m.accepted * p.sale_price) as v
                    from units u join workshop.site_month_product m on m.site_id = u.site
                    join workshop.product p on p.id = m.product_id
                    where m.month >= :from and m.month < :to group by 1, 2
                    """;
            case "WS_EARNINGS_MEDIAN" -> """
                    select u.unit, e.month, (percentile_cont(0.5) within group (order by a.amount))::numeric as v
                    from units u join workshop.site_month_earnings e on e.site_id = u.site
                    cross join lateral unnest(e.amounts) as a(amount)
                    where e.month >= :from and e.month < :to group by 1, 2
                    """;
            case "WS_PLACEMENTS" -> """
                    select u.unit, date_trunc('month', pl.started_on)::date as month, count(*) as v
                    from units u join workshop.placement pl on pl.site_id = u.site
                    where pl.started_on >= :from and pl.started_on < :to group by 1, 2
                    """;
            case "WS_RETENTION_90" -> """
                    select u.unit, date_trunc('month', f.done_on)::date as month,
                        round(100.0 * count(*) filter (where f.still_employed) / count(*), 1) as v
                    from units u join workshop.placement pl on pl.site_id = u.site
                    join workshop.follow_up f on f.placement_id = pl.id
                    where f.day_mark = 90 and f.done_on >= :from and f.done_on < :to group by 1, 2
                    """;
            case "WS_RETENTION_365" -> """
                    select u.unit, (date_trunc('month', pl.started_on) + interval '12 months')::date as month,
                        round(100.0 * count(*) filter (where f.still_employed) / count(*), 1) as v
                    from units u join workshop.placement pl on pl.site_id = u.site
                    left join workshop.follow_up f on f.placement_id = pl.id and f.day_mark = 365
                        and f.done_on is not null
                    where pl.started_on >= :from - interval '12 months' and pl.started_on < :to - interval '12 months'
                    group by 1, 2
                    """;
            default -> null;
        };
    }
}
