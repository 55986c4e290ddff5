package id.peduli.registry;

import id.peduli.indicator.IndicatorDefinition;
import id.peduli.indicator.IndicatorSource;
import id.peduli.indicator.IndicatorValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's indicators: people registered per unit and month (records merged into another do not count; a
 * person counts in the month their record was created, in the configured time zone).
 */
@Component
class RegistryIndicators implements IndicatorSource {

    static final String PEOPLE_REGISTERED = "PEOPLE_REGISTERED";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String zone;

    RegistryIndicators(JdbcClient jdbc, Clock clock, @Value("${peduli.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return List.of(new IndicatorDefinition(
                PEOPLE_REGISTERED,
                "indicator.PEOPLE_REGISTERED",
                "indicator.measure.people",
                List.of(RegistryRoles.READ)));
    }

    @Override
    public List<IndicatorValue> values(String code, Set<Long> unitIds, YearMonth from, YearMonth to) {
        if (!PEOPLE_REGISTERED.equals(code) || unitIds.isEmpty()) {
            return List.of();
        }
        var asOf = clock.instant();
        return jdbc.sql("""
                        select org_unit_id, to_char(created_at at time zone :zone, 'YYYY-MM') as period, count(*) as n
                        from registry.person
                        where merged_into is null and org_unit_id in (:units)
                          and created_at >= (cast(:from as timestamp) at time zone :zone)
                          and created_at < (cast(:to as timestamp) at time zone :zone)
                        group by org_unit_id, period
                        order by org_unit_id, period
                        """)
                .param("zone", zone)
                .param("units", unitIds)
                .param("from", from.atDay(1).atStartOfDay())
                .param("to", to.plusMonths(1).atDay(1).atStartOfDay())
                .query((rs, i) -> new IndicatorValue(
                        code,
                        rs.getLong("org_unit_id"),
                        YearMonth.parse(rs.getString("period")),
                        BigDecimal.valueOf(rs.getLong("n")),
                        asOf))
                .list();
    }
}
