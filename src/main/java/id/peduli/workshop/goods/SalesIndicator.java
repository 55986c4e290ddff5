package id.peduli.workshop.goods;

import id.peduli.indicator.IndicatorDefinition;
import id.peduli.indicator.IndicatorSource;
import id.peduli.indicator.IndicatorValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indicator {@value #CODE}: the total of the sales of a unit in a month, in rupiah, by the day of the sale, less
 * the returns counted in that month (by the day each return is counted, see {@link SaleCorrections}). A cancelled sale
 * and its returns do not count. A unit is a site (its own sales), or a centre (the sales of all its sites and of its
 * gallery shop).
 */
@Component
class SalesIndicator implements IndicatorSource {

    static final String CODE = "WS_SALES";
    static final List<String> ROLES =
            List.of("PROGRAM_MANAGER", "UNIT_HEAD", "SOCIAL_WORKER", "SITE_MENTOR", "LOGISTICS_OFFICER");

    private final JdbcClient jdbc;
    private final Clock clock;

    SalesIndicator(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return List.of(new IndicatorDefinition(CODE, "indicator." + CODE, "indicator.measure.rupiah", ROLES));
    }

    @Override
    public List<IndicatorValue> values(String code, Set<Long> unitIds, YearMonth from, YearMonth to) {
        if (!CODE.equals(code) || unitIds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<IndicatorValue> values = new ArrayList<>();
        jdbc.sql("""
                        with units as (
                            select s.site_id as unit, s.site_id as loc, false as gallery
                            from workshop.site_profile s where s.site_id in (:units)
                            union all
                            select s.centre_id, s.site_id, false from workshop.site_profile s
                            where s.centre_id in (:units)
                            union
                            select s.centre_id, s.centre_id, true from workshop.site_profile s
                            where s.centre_id in (:units))
                        select unit, month, sum(v) as v from (
                            select u.unit, date_trunc('month', sa.sold_on)::date as month, sa.total as v
                            from units u join workshop.sale sa on sa.location_id = u.loc and sa.gallery = u.gallery
                            where sa.sold_on >= :from and sa.sold_on < :to and sa.cancelled_on is null
                            union all
                            select u.unit, date_trunc('month', r.counted_on)::date, -r.amount
                            from units u join workshop.sale sa on sa.location_id = u.loc and sa.gallery = u.gallery
                            join workshop.sale_return r on r.sale_id = sa.id
                            where r.counted_on >= :from and r.counted_on < :to and sa.cancelled_on is null) f
                        group by 1, 2 order by 1, 2
                        """)
                .param("units", unitIds)
                .param("from", from.atDay(1))
                .param("to", to.plusMonths(1).atDay(1))
                .query(rs -> {
                    BigDecimal value = rs.getBigDecimal("v");
                    values.add(new IndicatorValue(
                            CODE,
                            rs.getLong("unit"),
                            YearMonth.from(rs.getObject("month", LocalDate.class)),
                            value,
                            now));
                });
        return values;
    }
}
