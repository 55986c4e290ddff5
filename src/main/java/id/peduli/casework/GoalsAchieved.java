package id.peduli.casework;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many plan goals were achieved, per unit and month, for one programme: a goal counts in the month of its day of
 * achievement, at the unit (or site) of the enrolment its plan belongs to. Only goals whose status is ACHIEVED count, so
 * a goal moved away from ACHIEVED no longer does. Numbers only, nobody named: programme modules read it for their
 * indicators, which answer to the indicator module's own access rules.
 */
@Service
public class GoalsAchieved {

    private final JdbcClient jdbc;

    GoalsAchieved(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Goals achieved in one month at one unit. */
    public record Count(long unitId, YearMonth month, long achieved) {}

    /**
     * The goals of the programme {@code programmeCode} achieved from the first day of {@code from} to the last of
     * {@code to}, per unit among {@code unitIds} and month; a unit and month without any is left out.
     */
    public List<Count> perUnitAndMonth(String programmeCode, Set<Long> unitIds, YearMonth from, YearMonth to) {
        if (unitIds.isEmpty() || from.isAfter(to)) {
            return List.of();
        }
        List<Count> counts = new ArrayList<>();
        jdbc.sql("""
                        select e.org_unit_id as unit, date_trunc('month', g.achieved_on)::date as month,
                            count(*) as achieved
                        from casework.goal g
                        join casework.plan p on p.id = g.plan_id
                        join casework.enrolment e on e.id = p.enrolment_id
                        join casework.programme pr on pr.id = e.programme_id
                        where pr.code = :programme and e.org_unit_id in (:units) and g.status = 'ACHIEVED'
                            and g.achieved_on >= :from and g.achieved_on < :to
                        group by 1, 2 order by 1, 2
                        """)
                .param("programme", programmeCode)
                .param("units", unitIds)
                .param("from", from.atDay(1))
                .param("to", to.plusMonths(1).atDay(1))
                .query(rs -> {
                    counts.add(new Count(
                            rs.getLong("unit"),
                            YearMonth.from(rs.getObject("month", LocalDate.class)),
                            rs.getLong("achieved")));
                });
        return counts;
    }
}
