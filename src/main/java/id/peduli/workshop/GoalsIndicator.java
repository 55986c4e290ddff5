package id.peduli.workshop;

import id.peduli.casework.GoalsAchieved;
import id.peduli.indicator.IndicatorDefinition;
import id.peduli.indicator.IndicatorSource;
import id.peduli.indicator.IndicatorValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indicator {@value #CODE}: how many plan goals of the workshop's participants were achieved in a month, counted
 * by the case core ({@link GoalsAchieved}) at the site of the participant's enrolment on the day the goal was achieved.
 * A unit is a site, or a centre (then its sites together). A month without any achieved goal has no value.
 */
@Component
class GoalsIndicator implements IndicatorSource {

    static final String CODE = "WS_GOALS_ACHIEVED";

    private final GoalsAchieved goals;
    private final JdbcClient jdbc;
    private final Clock clock;

    GoalsIndicator(GoalsAchieved goals, JdbcClient jdbc, Clock clock) {
        this.goals = goals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return List.of(new IndicatorDefinition(
                CODE, "indicator." + CODE, "indicator.measure.goals", WorkshopIndicators.ROLES));
    }

    @Override
    public List<IndicatorValue> values(String code, Set<Long> unitIds, YearMonth from, YearMonth to) {
        if (!CODE.equals(code) || unitIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Long>> unitsOfSite = new HashMap<>();
        jdbc.sql("""
                        select s.site_id, s.site_id from workshop.site_profile s where s.site_id in (:units)
                        union all
                        select s.site_id, s.centre_id from workshop.site_profile s where s.centre_id in (:units)
                        """).param("units", unitIds).query(rs -> {
            unitsOfSite.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        if (unitsOfSite.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<YearMonth, Long>> totals = new TreeMap<>();
        for (GoalsAchieved.Count count :
                goals.perUnitAndMonth(Participants.PROGRAMME, unitsOfSite.keySet(), from, to)) {
            for (long unit : unitsOfSite.getOrDefault(count.unitId(), Set.of())) {
                totals.computeIfAbsent(unit, k -> new TreeMap<>()).merge(count.month(), count.achieved(), Long::sum);
            }
        }
        Instant now = clock.instant();
        List<IndicatorValue> values = new ArrayList<>();
        totals.forEach((unit, months) -> months.forEach(
                (month, n) -> values.add(new IndicatorValue(CODE, unit, month, BigDecimal.valueOf(n), now))));
        return values;
    }
}
