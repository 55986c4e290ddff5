package id.peduli.casework;

import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intervention plans and their goals. Every change checks the write role for the enrolment's unit first. */
@Service
class Plans {

    static final String ACHIEVED = "ACHIEVED";
    static final Set<String> GOAL_STATUSES = Set.of("OPEN", ACHIEVED, "NOT_ACHIEVED", "DROPPED");

    private final JdbcClient jdbc;
    private final Enrolments enrolments;
    private final AuditLog audit;

    Plans(JdbcClient jdbc, Enrolments enrolments, AuditLog audit) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.audit = audit;
    }

    /** A new plan with its first goal (a plan without goals is refused), beginning today. */
    @Transactional
    PlanView create(long enrolmentId, String title, LocalDate reviewOn, GoalCommand firstGoal) {
        return create(enrolmentId, title, reviewOn, firstGoal, null);
    }

    /** A new plan with its first goal, beginning on {@code startedOn} (today when empty). */
    @Transactional
    PlanView create(long enrolmentId, String title, LocalDate reviewOn, GoalCommand firstGoal, LocalDate startedOn) {
        long unit = enrolments.requireEnrolment(enrolmentId, CaseworkRoles.WRITE);
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (title.length() > 200) {
            problems.add(new FieldProblem("title", "casework.notes.tooLong", 200));
        }
        if (reviewOn == null) {
            problems.add(new FieldProblem("reviewOn", "validation.required"));
        }
        problems.addAll(check(firstGoal));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        long id = jdbc.sql("""
                        insert into casework.plan (enrolment_id, title, review_on, created_by, started_on)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        enrolmentId,
                        title.strip(),
                        reviewOn,
                        Enrolments.actor().username(),
                        startedOn == null ? enrolments.today() : startedOn)
                .query(Long.class)
                .single();
        insertGoal(id, firstGoal);
        audit.record(AuditRecord.of(CaseworkAuditActions.PLAN, "Plan", id)
                .unit(unit)
                .purpose("enrolment " + enrolmentId)
                .change("reviewOn", null, reviewOn));
        return get(id);
    }

    @Transactional
    PlanView addGoal(long enrolmentId, long planId, GoalCommand goal) {
        long unit = enrolments.requireEnrolment(enrolmentId, CaseworkRoles.WRITE);
        requirePlan(enrolmentId, planId);
        List<FieldProblem> problems = check(goal);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        long goalId = insertGoal(planId, goal);
        audit.record(AuditRecord.of(CaseworkAuditActions.PLAN, "Goal", goalId)
                .unit(unit)
                .purpose("enrolment " + enrolmentId)
                .change("plan", null, planId));
        return get(planId);
    }

    /**
     * Reviews a goal: a new independence level, status and next review date, if nobody changed it meanwhile. A goal
     * set ACHIEVED records the day it was achieved ({@code achievedOn}, today when empty; a goal that stays ACHIEVED
     * keeps its day unless a new one is given), never in the future nor before its plan began; a goal moved away from
     * ACHIEVED loses that day.
     */
    @Transactional
    PlanView reviewGoal(
            long enrolmentId,
            long goalId,
            int level,
            String status,
            LocalDate nextReview,
            LocalDate achievedOn,
            long expectedVersion) {
        long unit = enrolments.requireEnrolment(enrolmentId, CaseworkRoles.WRITE);
        Long planId = jdbc.sql("""
                        select g.plan_id from casework.goal g join casework.plan p on p.id = g.plan_id
                        where g.id = ? and p.enrolment_id = ?
                        """)
                .params(goalId, enrolmentId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> BusinessException.notFound("casework.goal.notFound", goalId));
        PlanView plan = get(planId);
        PlanView.Goal before =
                plan.goals().stream().filter(g -> g.id() == goalId).findFirst().orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (level < 1 || level > 5) {
            problems.add(new FieldProblem("independenceLevel", "casework.goal.levelRange"));
        }
        if (status == null || !GOAL_STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "validation.required"));
        }
        if (nextReview == null) {
            problems.add(new FieldProblem("reviewOn", "validation.required"));
        }
        LocalDate achieved = null;
        if (ACHIEVED.equals(status)) {
            achieved = achievedOn != null
                    ? achievedOn
                    : before.achievedOn() != null ? before.achievedOn() : enrolments.today();
            problems.addAll(checkAchievedOn(achieved, plan.startedOn(), enrolments.today()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        int updated = jdbc.sql("""
                        update casework.goal set independence_level = ?, status = ?, review_on = ?,
                            achieved_on = ?, version = version + 1
                        where id = ? and version = ?
                        """)
                .params(level, status, nextReview, achieved, goalId, expectedVersion)
                .update();
        if (updated != 1) {
            throw BusinessException.conflict(null, "error.staleVersion");
        }
        AuditRecord entry = AuditRecord.of(CaseworkAuditActions.PLAN, "Goal", goalId)
                .unit(unit)
                .purpose("enrolment " + enrolmentId)
                .change("independenceLevel", before.independenceLevel(), level)
                .change("status", before.status(), status)
                .change("reviewOn", before.reviewOn(), nextReview);
        if (!java.util.Objects.equals(before.achievedOn(), achieved)) {
            entry = entry.change("achievedOn", before.achievedOn(), achieved);
        }
        audit.record(entry);
        return get(planId);
    }

    /** The rules for the day a goal was achieved: not after today, not before the plan began. */
    static List<FieldProblem> checkAchievedOn(LocalDate achievedOn, LocalDate planStarted, LocalDate today) {
        if (achievedOn.isAfter(today)) {
            return List.of(new FieldProblem("achievedOn", "casework.goal.achievedFuture"));
        }
        if (achievedOn.isBefore(planStarted)) {
            return List.of(new FieldProblem(
                    "achievedOn", "casework.goal.achievedBeforePlan", java.sql.Date.valueOf(planStarted)));
        }
        return List.of();
    }

    List<PlanView> of(long enrolmentId) {
        return jdbc
                .sql("select id from casework.plan where enrolment_id = ? order by id desc")
                .param(enrolmentId)
                .query(Long.class)
                .list()
                .stream()
                .map(this::get)
                .toList();
    }

    /** The earliest review date of an active plan or open goal per enrolment, for the caseload. */
    Map<Long, LocalDate> nextReviews(List<Long> enrolmentIds) {
        Map<Long, LocalDate> next = new HashMap<>();
        if (enrolmentIds.isEmpty()) {
            return next;
        }
        jdbc.sql("""
                        select p.enrolment_id, least(min(p.review_on) filter (where p.status = 'ACTIVE'),
                            min(g.review_on) filter (where g.status = 'OPEN')) as due
                        from casework.plan p left join casework.goal g on g.plan_id = p.id
                        where p.enrolment_id in (:ids)
                        group by p.enrolment_id
                        """).param("ids", enrolmentIds).query(rs -> {
            LocalDate due = rs.getObject("due", LocalDate.class);
            if (due != null) {
                next.put(rs.getLong("enrolment_id"), due);
            }
        });
        return next;
    }

    private void requirePlan(long enrolmentId, long planId) {
        if (jdbc.sql("select count(*) from casework.plan where id = ? and enrolment_id = ?")
                        .params(planId, enrolmentId)
                        .query(Long.class)
                        .single()
                == 0) {
            throw BusinessException.notFound("casework.plan.notFound", planId);
        }
    }

    private long insertGoal(long planId, GoalCommand goal) {
        return jdbc.sql("""
                        insert into casework.goal (plan_id, description, component, baseline, target,
                            independence_level, review_on)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        planId,
                        goal.description().strip(),
                        goal.component() == null ? null : goal.component().name(),
                        Enrolment.blankToNull(goal.baseline()),
                        goal.target().strip(),
                        goal.independenceLevel(),
                        goal.reviewOn())
                .query(Long.class)
                .single();
    }

    static List<FieldProblem> check(GoalCommand goal) {
        List<FieldProblem> problems = new ArrayList<>();
        if (goal == null) {
            problems.add(new FieldProblem("description", "validation.required"));
            return problems;
        }
        if (goal.description() == null || goal.description().isBlank()) {
            problems.add(new FieldProblem("description", "validation.required"));
        } else if (goal.description().length() > 500) {
            problems.add(new FieldProblem("description", "casework.notes.tooLong", 500));
        }
        if (goal.target() == null || goal.target().isBlank()) {
            problems.add(new FieldProblem("target", "validation.required"));
        } else if (goal.target().length() > 500) {
            problems.add(new FieldProblem("target", "casework.notes.tooLong", 500));
        }
        if (goal.baseline() != null && goal.baseline().length() > 500) {
            problems.add(new FieldProblem("baseline", "casework.notes.tooLong", 500));
        }
        if (goal.independenceLevel() == null || goal.independenceLevel() < 1 || goal.independenceLevel() > 5) {
            problems.add(new FieldProblem("independenceLevel", "casework.goal.levelRange"));
        }
        if (goal.reviewOn() == null) {
            problems.add(new FieldProblem("reviewOn", "validation.required"));
        }
        return problems;
    }

    PlanView get(long planId) {
        List<PlanView.Goal> goals = jdbc.sql("select * from casework.goal where plan_id = ? order by id")
                .param(planId)
                .query((rs, i) -> new PlanView.Goal(
                        rs.getLong("id"),
                        rs.getString("description"),
                        rs.getString("component") == null ? null : RehabComponent.valueOf(rs.getString("component")),
                        rs.getString("baseline"),
                        rs.getString("target"),
                        rs.getInt("independence_level"),
                        rs.getObject("review_on", LocalDate.class),
                        rs.getString("status"),
                        rs.getObject("achieved_on", LocalDate.class),
                        rs.getLong("version")))
                .list();
        return jdbc.sql("select * from casework.plan where id = ?")
                .param(planId)
                .query((rs, i) -> new PlanView(
                        rs.getLong("id"),
                        rs.getLong("enrolment_id"),
                        rs.getString("title"),
                        rs.getObject("review_on", LocalDate.class),
                        rs.getObject("started_on", LocalDate.class),
                        rs.getString("status"),
                        rs.getLong("version"),
                        goals))
                .single();
    }
}
