package id.peduli.innovation;

import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.Users;
import id.peduli.innovation.evaluation.Evaluations;
import id.peduli.innovation.evaluation.ScoreSheet;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import id.peduli.organization.Organizations;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Periods, proposals and evaluators of the assignment and scoring tests, made through the services. */
public final class CompetitionTestData {

    private CompetitionTestData() {}

    /** A fresh period (a year of the 2070s and 2080s not used yet) with the default rubric, pass mark 85. */
    public static synchronized long period(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        int year = jdbc.sql(
                        "select coalesce(max(year), 2069) + 1 from innovation.period where year between 2070 and 2089")
                .query(Integer.class)
                .single();
        return InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Periods.class)
                        .create(PeriodForm.defaults(year))
                        .id());
    }

    /** A proposal of the unit named {@code unitName} that passed the administrative selection. */
    public static long passedProposal(ApplicationContext context, long period, String unitName, String title) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long unit = unit(context, unitName);
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on) values (?, ?, "
                        + "date '2015-01-01') returning id")
                .params(unit, title)
                .query(Long.class)
                .single();
        return jdbc.sql(
                        "insert into innovation.proposal (period_id, innovation_id, unit_id, grp, category_code, state) "
                                + "values (?, ?, ?, 'GENERAL', 'GOVERNANCE', 'ADMIN_PASSED') returning id")
                .params(period, innovation, unit)
                .query(Long.class)
                .single();
    }

    public static long unit(ApplicationContext context, String name) {
        return context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit missing: " + name))
                .id();
    }

    /** An evaluator account of the unit named {@code unitName}, made once. */
    public static long evaluator(ApplicationContext context, String username, String unitName) {
        Users users = context.getBean(Users.class);
        return users.findByUsername(username)
                .orElseGet(() -> InnovationTestSupport.as(
                        context,
                        "admin",
                        () -> users.create(
                                new NewUserCommand(
                                        username,
                                        "Rahasia-Penilai-2026",
                                        new UserCommand(
                                                "Penilai " + username,
                                                username + "@penilai.peduli.id",
                                                null,
                                                "id",
                                                true),
                                        false),
                                Role.EVALUATOR,
                                unit(context, unitName))))
                .id();
    }

    /** The same score on every aspect of the rubric: the raw total is ten times it on the scale of 10. */
    public static Map<String, Integer> everyAspect(ApplicationContext context, long assignmentId, int score) {
        Evaluations evaluations = context.getBean(Evaluations.class);
        Map<String, Integer> scores = new HashMap<>();
        for (Period.Aspect a : evaluations.sheet(assignmentId).aspects()) {
            scores.put(a.code(), score);
        }
        return scores;
    }

    /** Scores assignment {@code assignmentId} with {@code score} on every aspect as its evaluator. */
    public static ScoreSheet score(ApplicationContext context, String evaluator, long assignmentId, int score) {
        Evaluations evaluations = context.getBean(Evaluations.class);
        return InnovationTestSupport.as(
                context,
                evaluator,
                () -> evaluations.score(assignmentId, everyAspect(context, assignmentId, score), Map.of()));
    }

    public static long assignmentOf(JdbcClient jdbc, long proposal, long evaluator) {
        return jdbc.sql("select id from innovation.evaluator_assignment where proposal_id = ? and evaluator_id = ?")
                .params(proposal, evaluator)
                .query(Long.class)
                .single();
    }
}
