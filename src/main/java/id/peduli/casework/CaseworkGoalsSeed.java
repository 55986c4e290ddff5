package id.peduli.casework;

import id.peduli.platform.DemoSeed;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo goals achieved: of the open goals of the demo plans (written by {@code casework-cases-v1} from each
 * participant's first skill assessment), about one in three whose plan began at least a month ago is reviewed as
 * achieved, on a day between a month after the plan began and yesterday, one level more independent. So the workshop's
 * "goals achieved" indicator has months with data on the first start. Each goes through the case core's own review
 * ({@link Plans#reviewGoal}), with its rules and audit entry, signed in as the demo programme manager; the choice is
 * drawn from a fixed seed, so every demo start marks the same goals.
 */
@Component
class CaseworkGoalsSeed implements DemoSeed {

    static final String NAME = "casework-goals-v1";

    private static final Logger log = LoggerFactory.getLogger(CaseworkGoalsSeed.class);
    private static final String OPERATOR = "manajer.kartini";
    private static final double SHARE = 0.35;

    private final Plans plans;
    private final Enrolments enrolments;
    private final UserDetailsService userDetails;
    private final JdbcClient jdbc;

    CaseworkGoalsSeed(Plans plans, Enrolments enrolments, UserDetailsService userDetails, JdbcClient jdbc) {
        this.plans = plans;
        this.enrolments = enrolments;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("casework-cases-v1");
    }

    @Override
    public int order() {
        return 810;
    }

    @Override
    public void load() {
        long started = System.nanoTime();
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails operator = userDetails.loadUserByUsername(OPERATOR);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(operator, null, operator.getAuthorities()));
        SecurityContextHolder.setContext(context);
        int achieved;
        try {
            achieved = seed();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        log.info("Demo goals achieved: {} goals in {} ms", achieved, (System.nanoTime() - started) / 1_000_000);
    }

    /** An open goal of a demo plan, with what its review needs. */
    private record OpenGoal(
            long enrolmentId, long goalId, int level, LocalDate reviewOn, LocalDate planStarted, long version) {}

    private int seed() {
        LocalDate today = enrolments.today();
        List<OpenGoal> open = jdbc.sql("""
                        select p.enrolment_id, g.id, g.independence_level, g.review_on, p.started_on, g.version
                        from casework.goal g join casework.plan p on p.id = g.plan_id
                        where g.status = 'OPEN' and p.status = 'ACTIVE' and p.started_on <= ?
                        order by g.id
                        """)
                .param(today.minusMonths(1).minusDays(1))
                .query((rs, i) -> new OpenGoal(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getLong(6)))
                .list();
        Random random = new Random(20261130L);
        int achieved = 0;
        for (OpenGoal goal : open) {
            if (random.nextDouble() >= SHARE) {
                continue;
            }
            LocalDate first = goal.planStarted().plusMonths(1);
            LocalDate last = today.minusDays(1);
            long span = ChronoUnit.DAYS.between(first, last);
            LocalDate on = first.plusDays(span <= 0 ? 0 : random.nextLong(span + 1));
            plans.reviewGoal(
                    goal.enrolmentId(),
                    goal.goalId(),
                    Math.min(5, goal.level() + 1),
                    Plans.ACHIEVED,
                    goal.reviewOn(),
                    on,
                    goal.version());
            achieved++;
        }
        return achieved;
    }
}
