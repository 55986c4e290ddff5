package id.peduli.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliTest;
import id.peduli.Today;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo year of the twelve SW Peduli sites, as the seeds {@code workshop-participants-v1} and {@code
 * casework-cases-v1} leave it on the first start: enrolled participants, sessions, frozen payouts, placements and
 * skill assessments.
 */
@PeduliTest
class WorkshopDemoYearTests {

    @Autowired
    JdbcClient jdbc;

    private static final String DEMO_SITES = """
            select p.site_id from workshop.site_profile p join organization.org_unit u on u.id = p.site_id
            where u.name like 'SW Peduli %'
            """;

    /** Rows of the seed (other tests share the database and record through the recorder, which claims the id). */
    private static final String SEEDED =
            "not exists (select 1 from workshop.offline_entry o where o.entry_id = a.entry_id)";

    @Test
    void everyDemoSiteHasEnrolledParticipantsAndFiveMentors() {
        Map<Long, Long> participants = countBySite("""
                select e.org_unit_id, count(*) from casework.enrolment e
                join casework.programme p on p.id = e.programme_id
                where p.code = 'SW_PEDULI' and e.org_unit_id in (%s)
                  and exists (select 1 from casework.enrolment_transition t
                              where t.enrolment_id = e.id and t.to_stage = 'INTERVENTION' and t.reason is not null)
                group by e.org_unit_id
                """.formatted(DEMO_SITES));
        assertThat(participants).hasSize(12);
        assertThat(participants.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
        Map<Long, Long> mentors =
                countBySite("select site_id, count(*) from workshop.mentor where site_id in (%s) group by site_id"
                        .formatted(DEMO_SITES));
        assertThat(mentors.values()).hasSize(12).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
    }

    @Test
    void sessionsRunThreeToFiveDaysAWeekForAYearAndNotEveryoneComesEveryDay() {
        LocalDate today = Today.date();
        LocalDate first = YearMonth.from(today).minusMonths(11).atDay(1);
        Map<Long, Long> sessions = countBySite("""
                select site_id, count(*) from workshop.session
                where site_id in (%s) and held_on >= '%s' and held_on < '%s' group by site_id
                """.formatted(DEMO_SITES, first, today));
        long weeks = java.time.temporal.ChronoUnit.WEEKS.between(first, today);
        assertThat(sessions.values())
                .hasSize(12)
                .allSatisfy(n -> assertThat(n).isBetween(weeks * 3 - 5, weeks * 5 + 5));
        double turnout =
                jdbc.sql("""
                        select avg(case when present then 1.0 else 0.0 end) from workshop.attendance a
                        where site_id in (%s) and %s
                        """.formatted(DEMO_SITES, SEEDED)).query(Double.class).single();
        assertThat(turnout).isBetween(0.7, 0.95);
        assertThat(jdbc.sql("""
                                select count(*) from workshop.attendance a where a.site_id in (%s) and a.present
                                  and %s and not exists (select 1 from workshop.production_record r
                                                  where r.entry_id = a.entry_id)
                                """.formatted(DEMO_SITES, SEEDED)).query(Long.class).single())
                .as("everyone present made something")
                .isZero();
        assertThat(jdbc.sql("select count(*) from workshop.attendance where held_on > ?")
                        .param(today)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theElevenPastMonthsArePaidAndFrozenAndTheCurrentMonthIsOpen() {
        YearMonth current = Today.month();
        List<Map<String, Object>> runs = jdbc.sql("""
                        select r.period, r.status, r.pool, r.group_fund, r.paid_total,
                            (select coalesce(sum(share), 0) from workshop.payout_line l where l.run_id = r.id) as shares,
                            (select count(*) from workshop.payout_line l where l.run_id = r.id
                               and l.received_on is null) as unpaid
                        from workshop.payout_run r where r.site_id in (%s) and r.period >= ?
                        """.formatted(DEMO_SITES))
                .param(current.minusMonths(11).atDay(1))
                .query()
                .listOfRows();
        assertThat(runs).hasSize(12 * 11).allSatisfy(run -> {
            assertThat(run.get("status")).isEqualTo("APPROVED");
            assertThat(((Number) run.get("pool")).longValue()).isPositive();
            assertThat(((Number) run.get("shares")).longValue() + ((Number) run.get("group_fund")).longValue())
                    .isEqualTo(((Number) run.get("pool")).longValue());
            assertThat(run.get("period").toString())
                    .isNotEqualTo(current.atDay(1).toString());
        });
        assertThat(runs.stream()
                        .filter(r -> !r.get("period")
                                .toString()
                                .equals(current.minusMonths(1).atDay(1).toString()))
                        .mapToLong(r -> ((Number) r.get("unpaid")).longValue())
                        .sum())
                .as("receipts of all but last month recorded")
                .isZero();
    }

    @Test
    void placementsHaveDoneAndDueFollowUps() {
        List<Map<String, Object>> followUps =
                jdbc.sql("""
                        select f.done_on, f.due_on from workshop.follow_up f
                        join workshop.placement p on p.id = f.placement_id where p.site_id in (%s)
                        """.formatted(DEMO_SITES)).query().listOfRows();
        assertThat(followUps).hasSizeGreaterThanOrEqualTo(12);
        assertThat(followUps).anySatisfy(f -> assertThat(f.get("done_on")).isNotNull());
        assertThat(followUps).anySatisfy(f -> assertThat(f.get("done_on")).isNull());
    }

    @Test
    void everyParticipantHasASkillAssessmentAndPlanAndSomeHaveTwoAssessments() {
        List<Map<String, Object>> perEnrolment =
                jdbc.sql("""
                        select e.id, (select count(*) from casework.assessment a where a.enrolment_id = e.id) as a,
                            (select count(*) from casework.goal g join casework.plan p on p.id = g.plan_id
                             where p.enrolment_id = e.id) as g
                        from casework.enrolment e join casework.programme p on p.id = e.programme_id
                        where p.code = 'SW_PEDULI' and e.org_unit_id in (%s) and exists (
                            select 1 from casework.enrolment_transition t where t.enrolment_id = e.id
                            and t.reason = 'Asesmen keterampilan awal')
                        """.formatted(DEMO_SITES)).query().listOfRows();
        assertThat(perEnrolment).isNotEmpty().allSatisfy(row -> {
            assertThat(((Number) row.get("a")).longValue()).isBetween(1L, 2L);
            assertThat(((Number) row.get("g")).longValue()).isPositive();
        });
        assertThat(perEnrolment)
                .anySatisfy(
                        row -> assertThat(((Number) row.get("a")).longValue()).isEqualTo(2L));
    }

    private Map<Long, Long> countBySite(String sql) {
        Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }
}
