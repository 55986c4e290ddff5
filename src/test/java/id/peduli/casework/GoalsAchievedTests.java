package id.peduli.casework;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.casework.CaseworkTestSupport.KARTINI_MANAGER;
import static id.peduli.casework.CaseworkTestSupport.signIn;
import static id.peduli.casework.CaseworkTestSupport.signOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.indicator.IndicatorSource;
import id.peduli.indicator.IndicatorValue;
import id.peduli.organization.Organizations;
import id.peduli.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The day a goal was achieved (its rules, the page and the API), the count per unit and month the case core publishes,
 * the workshop's {@code WS_GOALS_ACHIEVED} indicator built on it, and the demo goals achieved.
 */
@PeduliTest
class GoalsAchievedTests {

    private static final String INDICATOR = "WS_GOALS_ACHIEVED";

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Plans plans;

    @Autowired
    Enrolments enrolments;

    @Autowired
    GoalsAchieved goalsAchieved;

    @Autowired
    List<IndicatorSource> indicators;

    @Autowired
    JdbcClient jdbc;

    CaseworkTestSupport support;
    long temanggung;
    LocalDate today;

    @BeforeEach
    void setUp() {
        support = new CaseworkTestSupport(mvc, context);
        temanggung = support.unit("SW Peduli Temanggung");
        today = enrolments.today();
    }

    @AfterEach
    void clear() {
        signOut();
    }

    @Test
    void achievingAGoalRecordsADayThatIsNeitherInTheFutureNorBeforeThePlanAndLeavingAchievedClearsIt()
            throws Exception {
        long enrolment = enrolled();
        signIn(context, KARTINI_MANAGER);
        LocalDate began = today.minusMonths(2);
        PlanView plan = plans.create(enrolment, "Rencana uji", today.plusMonths(1), goal("Menyapu"), began);
        assertThat(plan.startedOn()).isEqualTo(began);
        long goal = plan.goals().get(0).id();

        assertThatThrownBy(() -> review(enrolment, goal, "ACHIEVED", today.plusDays(1), 0))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("achievedOn");
                            assertThat(p.key()).isEqualTo("casework.goal.achievedFuture");
                        }));
        assertThatThrownBy(() -> review(enrolment, goal, "ACHIEVED", began.minusDays(1), 0))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.key()).isEqualTo("casework.goal.achievedBeforePlan")));
        assertThat(goalRow(goal).get("status")).as("nothing written").isEqualTo("OPEN");

        assertThat(review(enrolment, goal, "ACHIEVED", null, 0).achievedOn())
                .as("today when not given")
                .isEqualTo(today);
        assertThat(review(enrolment, goal, "ACHIEVED", began, 1).achievedOn()).isEqualTo(began);
        assertThat(review(enrolment, goal, "ACHIEVED", null, 2).achievedOn())
                .as("a goal that stays achieved keeps its day")
                .isEqualTo(began);
        PlanView.Goal reopened = review(enrolment, goal, "OPEN", today.plusDays(3), 3);
        assertThat(reopened.achievedOn()).isNull();
        assertThat(reopened.status()).isEqualTo("OPEN");
        assertThat(review(enrolment, goal, "NOT_ACHIEVED", began, 4).achievedOn())
                .as("a date sent with another status is ignored")
                .isNull();

        List<String> audited =
                jdbc.sql("""
                        select changes::text from audit.entry where subject_type = 'Goal' and subject_id = ?
                        order by id
                        """).param(String.valueOf(goal)).query(String.class).list();
        assertThat(audited).anySatisfy(c -> assertThat(c).contains("achievedOn").contains(began.toString()));
    }

    @Test
    void thePageAndTheApiShowAndAcceptTheDayAndRefuseOneInTheFutureByName() throws Exception {
        long enrolment = enrolled();
        signIn(context, KARTINI_MANAGER);
        long goal = plans.create(
                        enrolment, "Rencana halaman", today.plusMonths(1), goal("Melipat"), today.minusDays(20))
                .goals()
                .get(0)
                .id();
        signOut();
        mvc.perform(bearer(
                        put("/api/v1/casework/enrolments/" + enrolment + "/goals/" + goal)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(reviewJson("ACHIEVED", today.plusDays(2), 0)),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("achievedOn")))
                .andExpect(content().string(Matchers.containsString("masa depan")));
        mvc.perform(bearer(
                        put("/api/v1/casework/enrolments/" + enrolment + "/goals/" + goal)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(reviewJson("ACHIEVED", today.minusDays(5), 0)),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.goals[0].achievedOn")
                        .value(today.minusDays(5).toString()))
                .andExpect(jsonPath("$.startedOn").value(today.minusDays(20).toString()));
        mvc.perform(get("/casework/enrolments/" + enrolment).with(as(context, KARTINI_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tanggal tercapai")))
                .andExpect(content().string(Matchers.containsString("name=\"achievedOn\"")))
                .andExpect(content().string(Matchers.containsString("sejak ")));
        mvc.perform(post("/casework/enrolments/" + enrolment + "/goals/" + goal)
                        .with(as(context, KARTINI_MANAGER))
                        .with(csrf())
                        .param("independenceLevel", "3")
                        .param("status", "OPEN")
                        .param("reviewOn", today.plusMonths(2).toString())
                        .param("achievedOn", today.toString())
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(goalRow(goal).get("achieved_on")).isNull();
    }

    @Test
    void goalsAreCountedInTheMonthTheyWereAchievedAtTheEnrolmentsSiteAndTheIndicatorAddsTheCentre() throws Exception {
        long centre = context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.id() == temanggung)
                .findFirst()
                .orElseThrow()
                .parentId();
        YearMonth jan = YearMonth.of(2019, 1);
        YearMonth mar = YearMonth.of(2019, 3);
        Map<YearMonth, Long> before = counts(goalsAchieved.perUnitAndMonth("SW_PEDULI", Set.of(temanggung), jan, mar));
        Map<YearMonth, BigDecimal> siteBefore = indicator(temanggung, jan, mar);
        Map<YearMonth, BigDecimal> centreBefore = indicator(centre, jan, mar);

        long enrolment = enrolled();
        signIn(context, KARTINI_MANAGER);
        PlanView plan =
                plans.create(enrolment, "Rencana 2019", today.plusMonths(1), goal("Satu"), LocalDate.of(2019, 1, 2));
        for (String g : List.of("Dua", "Tiga", "Empat", "Lima", "Enam")) {
            plan = plans.addGoal(enrolment, plan.id(), goal(g));
        }
        List<PlanView.Goal> g = plan.goals();
        review(enrolment, g.get(0).id(), "ACHIEVED", LocalDate.of(2019, 1, 5), 0);
        review(enrolment, g.get(1).id(), "ACHIEVED", LocalDate.of(2019, 1, 31), 0);
        review(enrolment, g.get(2).id(), "ACHIEVED", LocalDate.of(2019, 2, 1), 0);
        review(enrolment, g.get(3).id(), "ACHIEVED", LocalDate.of(2019, 2, 10), 0);
        review(enrolment, g.get(3).id(), "OPEN", today, 1); // no longer achieved: not counted
        review(enrolment, g.get(4).id(), "NOT_ACHIEVED", null, 0);
        review(enrolment, g.get(5).id(), "ACHIEVED", LocalDate.of(2019, 4, 1), 0); // after the range
        signOut();

        // By hand: January 5 and 31 → 2 in January; February 1 → 1 in February; nothing in March.
        Map<YearMonth, Long> after = counts(goalsAchieved.perUnitAndMonth("SW_PEDULI", Set.of(temanggung), jan, mar));
        assertThat(after.getOrDefault(jan, 0L) - before.getOrDefault(jan, 0L)).isEqualTo(2);
        assertThat(after.getOrDefault(YearMonth.of(2019, 2), 0L) - before.getOrDefault(YearMonth.of(2019, 2), 0L))
                .isEqualTo(1);
        assertThat(after.getOrDefault(mar, 0L)).isEqualTo(before.getOrDefault(mar, 0L));
        assertThat(goalsAchieved.perUnitAndMonth("PESONA_SURGA", Set.of(temanggung), jan, mar))
                .as("another programme")
                .isEmpty();

        Map<YearMonth, BigDecimal> site = indicator(temanggung, jan, mar);
        Map<YearMonth, BigDecimal> ofCentre = indicator(centre, jan, mar);
        assertThat(site.get(jan).subtract(siteBefore.getOrDefault(jan, BigDecimal.ZERO)))
                .isEqualByComparingTo("2");
        assertThat(site.get(YearMonth.of(2019, 2))
                        .subtract(siteBefore.getOrDefault(YearMonth.of(2019, 2), BigDecimal.ZERO)))
                .isEqualByComparingTo("1");
        assertThat(ofCentre.get(jan).subtract(centreBefore.getOrDefault(jan, BigDecimal.ZERO)))
                .isEqualByComparingTo("2");
        assertThat(site).doesNotContainKey(mar);
    }

    @Test
    void theDemoMarksAboutAThirdOfItsGoalsAchievedOnDaysOfTheDemoYearSoTheIndicatorHasMonths() {
        assertThat(context.getBean(CaseworkGoalsSeed.class).dependsOn()).containsExactly("casework-cases-v1");
        assertThat(jdbc.sql("select count(*) from demo.seed_state where name = 'casework-goals-v1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Map<String, Object> demo = jdbc.sql("""
                        select count(*) as goals, count(*) filter (where g.status = 'ACHIEVED') as achieved,
                            count(*) filter (where g.status = 'ACHIEVED' and (g.achieved_on > current_date
                                or g.achieved_on < p.started_on)) as wrong,
                            count(distinct date_trunc('month', g.achieved_on)) as months
                        from casework.goal g join casework.plan p on p.id = g.plan_id
                        where p.created_by = 'manajer.kartini' and p.title like 'Rencana dari asesmen%'
                        """).query().singleRow();
        long goals = ((Number) demo.get("goals")).longValue();
        long achieved = ((Number) demo.get("achieved")).longValue();
        assertThat(goals).isGreaterThan(100);
        assertThat((double) achieved / goals).isBetween(0.2, 0.5);
        assertThat(((Number) demo.get("wrong")).longValue()).isZero();
        assertThat(((Number) demo.get("months")).longValue()).isGreaterThanOrEqualTo(6);
        List<Long> sites = jdbc.sql("""
                        select p.site_id from workshop.site_profile p join organization.org_unit u on u.id = p.site_id
                        where u.name like 'SW Peduli %'
                        """).query(Long.class).list();
        YearMonth now = YearMonth.from(today);
        List<IndicatorValue> values = source().values(INDICATOR, Set.copyOf(sites), now.minusMonths(11), now);
        assertThat(values.stream().map(IndicatorValue::unitId).distinct().count())
                .isGreaterThanOrEqualTo(10);
        assertThat(values.stream().mapToLong(v -> v.value().longValueExact()).sum())
                .as("the indicator counts what the demo marked in the year")
                .isEqualTo(jdbc.sql("""
                                select count(*) from casework.goal g join casework.plan p on p.id = g.plan_id
                                join casework.enrolment e on e.id = p.enrolment_id
                                join casework.programme pr on pr.id = e.programme_id
                                where pr.code = 'SW_PEDULI' and g.status = 'ACHIEVED' and e.org_unit_id in (:sites)
                                  and g.achieved_on >= :from and g.achieved_on <= :to
                                """)
                        .param("sites", sites)
                        .param("from", now.minusMonths(11).atDay(1))
                        .param("to", now.atEndOfMonth())
                        .query(Long.class)
                        .single());
    }

    private PlanView.Goal review(long enrolment, long goal, String status, LocalDate achievedOn, long version) {
        return plans.reviewGoal(enrolment, goal, 3, status, today.plusMonths(2), achievedOn, version).goals().stream()
                .filter(g -> g.id() == goal)
                .findFirst()
                .orElseThrow();
    }

    private String reviewJson(String status, LocalDate achievedOn, long version) {
        return "{\"independenceLevel\":3,\"status\":\"" + status + "\",\"reviewOn\":\"" + today.plusMonths(2)
                + "\",\"achievedOn\":\"" + achievedOn + "\",\"version\":" + version + "}";
    }

    private static GoalCommand goal(String description) {
        return new GoalCommand(description, RehabComponent.VOCATIONAL, null, "Mandiri", 2, LocalDate.of(2030, 1, 1));
    }

    private Map<String, Object> goalRow(long goal) {
        return jdbc.sql("select status, achieved_on from casework.goal where id = ?")
                .param(goal)
                .query()
                .singleRow();
    }

    private static Map<YearMonth, Long> counts(List<GoalsAchieved.Count> counts) {
        Map<YearMonth, Long> byMonth = new HashMap<>();
        counts.forEach(c -> byMonth.merge(c.month(), c.achieved(), Long::sum));
        return byMonth;
    }

    private IndicatorSource source() {
        return indicators.stream()
                .filter(s -> s.definitions().stream().anyMatch(d -> d.code().equals(INDICATOR)))
                .findFirst()
                .orElseThrow();
    }

    private Map<YearMonth, BigDecimal> indicator(long unit, YearMonth from, YearMonth to) {
        Map<YearMonth, BigDecimal> byMonth = new HashMap<>();
        source().values(INDICATOR, Set.of(unit), from, to).forEach(v -> byMonth.put(v.period(), v.value()));
        return byMonth;
    }

    private long enrolled() throws Exception {
        long person = support.person(KARTINI_MANAGER, temanggung);
        support.publicTask(KARTINI_MANAGER, person, "WORKSHOP_SERVICES");
        String result = mvc.perform(bearer(
                        post("/api/v1/casework/enrolments")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"personId\":" + person + ",\"programmeCode\":\"SW_PEDULI\",\"unitId\":"
                                        + temanggung + "}"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(result, "$.id")).longValue();
    }
}
