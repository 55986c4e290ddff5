package id.peduli.workshop.goods;

import id.peduli.workshop.Money;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The material costs of a site in a month, for the margin of an EQUAL_SHARE earnings rule: the worth of the materials
 * used (OUT movements dated in the month, each at the material's unit cost on the day it was recorded). Purchases are
 * not costs of the month they are bought in, and count corrections are not costs of production. A query of the module,
 * without a scope check: the caller has checked the site.
 */
@Service
public class MaterialCosts {

    private final JdbcClient jdbc;

    MaterialCosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The material costs of {@code siteId} in {@code period}; zero when nothing was used. */
    public Money ofSite(long siteId, YearMonth period) {
        return jdbc.sql("""
                        select coalesce(sum(value), 0) from workshop.material_movement
                        where site_id = ? and kind = 'OUT' and moved_on >= ? and moved_on < ?
                        """)
                .params(siteId, period.atDay(1), period.plusMonths(1).atDay(1))
                .query(Long.class)
                .optional()
                .map(Money::of)
                .orElse(Money.ZERO);
    }

    /** The material costs of each of {@code siteIds} in {@code period}; sites without any are left out. */
    public Map<Long, Money> ofSites(Collection<Long> siteIds, YearMonth period) {
        Map<Long, Money> costs = new HashMap<>();
        if (siteIds.isEmpty()) {
            return costs;
        }
        jdbc.sql("""
                        select site_id, sum(value) as cost from workshop.material_movement
                        where site_id in (:sites) and kind = 'OUT' and moved_on >= :from and moved_on < :to
                        group by site_id
                        """)
                .param("sites", siteIds)
                .param("from", period.atDay(1))
                .param("to", period.plusMonths(1).atDay(1))
                .query(rs -> {
                    costs.put(rs.getLong("site_id"), Money.of(rs.getLong("cost")));
                });
        return costs;
    }
}
